package auth

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// countingStore counts the reads that reach the real store underneath (the keychain, or the file).
type countingStore struct {
	tokenStore
	reads, writes atomic.Int32
}

func (c *countingStore) loadRecord() (*record, error) {
	c.reads.Add(1)
	return c.tokenStore.loadRecord()
}

func (c *countingStore) loadAccess(org string) (*accessToken, error) {
	c.reads.Add(1)
	return c.tokenStore.loadAccess(org)
}

func (c *countingStore) saveRecord(r *record) error {
	c.writes.Add(1)
	return c.tokenStore.saveRecord(r)
}

func (c *countingStore) saveAccess(org string, at *accessToken) error {
	c.writes.Add(1)
	return c.tokenStore.saveAccess(org, at)
}

// The stored session stays in memory while the lock file's stamp says no other process wrote: refreshes,
// switches (with a refresh and back with a held token) and Info read neither the keychain nor the file.
// A write by another process (a refresh, in a process of its own) changes the stamp; the next read goes
// to the store and finds the rotated refresh token, which the next refresh presents.
func TestStampKeepsTheStoreOffTheSwitchPath(t *testing.T) {
	for _, storage := range []string{StorageKeyring, StorageFile} {
		t.Run(storage, func(t *testing.T) {
			ctx, srv, o, s := signedInStorage(t, storage, "test-stamp-")
			counted := &countingStore{tokenStore: s.store}
			s.store = counted

			if err := s.SwitchOrganization(ctx, "org_globex"); err != nil { // a refresh under the lock
				t.Fatal(err)
			}
			if err := s.SwitchOrganization(ctx, "org_acme"); err != nil { // a held token
				t.Fatal(err)
			}
			if _, err := s.Token(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Info(ctx); err != nil {
				t.Fatal(err)
			}
			if n := counted.reads.Load(); n != 0 || counted.writes.Load() == 0 {
				t.Fatalf("without another process: %d store reads (want 0), %d writes", n, counted.writes.Load())
			}

			stampBefore, _ := readStamp(s.lockPath)
			refreshInAnotherProcess(t, o)
			if stamp, _ := readStamp(s.lockPath); stamp == stampBefore {
				t.Fatal("another process's write left the stamp as it was")
			}
			rec, err := s.loadRecord()
			stored, _ := counted.tokenStore.loadRecord()
			if err != nil || rec == nil || stored == nil || rec.RefreshToken != stored.RefreshToken {
				t.Fatalf("after another process's refresh, the session read is not the stored one (%v)", err)
			}
			if counted.reads.Load() == 0 {
				t.Fatal("after another process's write, the store was not read")
			}
			// The API refusing the token the other process stored forces a refresh here.
			theirs, _ := counted.tokenStore.loadAccess("org_acme")
			if theirs == nil {
				t.Fatal("the other process stored no access token")
			}
			before := countAuthenticateInternal(t, srv)
			if _, err := s.RefreshToken(ctx, theirs.Token); err != nil {
				t.Fatalf("refresh after another process's: %v", err)
			}
			if n := countAuthenticateInternal(t, srv) - before; n != 1 {
				t.Fatalf("refresh after another process's: %d authenticate calls, want 1 (a spent refresh token was presented first?)", n)
			}
			reads := counted.reads.Load()
			if _, err := s.Token(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Info(ctx); err != nil {
				t.Fatal(err)
			}
			if err := s.SwitchOrganization(ctx, "org_globex"); err != nil {
				t.Fatal(err)
			}
			if n := counted.reads.Load() - reads; n != 0 {
				t.Fatalf("after this process's own refresh: %d store reads, want 0", n)
			}

		})
	}
}

// refreshInAnotherProcess re-runs this test binary as a panel process of the same profile that refreshes
// the session once (rotating the refresh token).
func refreshInAnotherProcess(t *testing.T, o Options) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStampHelperProcess$")
	insecure := ""
	if o.InsecureStorage {
		insecure = "1"
	}
	cmd.Env = append(os.Environ(), "PANEL_STAMP_HELPER=1", "PANEL_HELPER_DIR="+o.ProfileDir,
		"PANEL_HELPER_PROFILE="+o.Profile, "PANEL_HELPER_CLIENT="+o.ClientID, "PANEL_HELPER_AUTH="+o.AuthURL,
		"PANEL_HELPER_INSECURE="+insecure)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process: %v\n%s", err, b)
	}
}

func TestStampHelperProcess(t *testing.T) {
	if os.Getenv("PANEL_STAMP_HELPER") != "1" {
		return
	}
	s, err := NewSession(Options{ClientID: os.Getenv("PANEL_HELPER_CLIENT"), AuthURL: os.Getenv("PANEL_HELPER_AUTH"),
		ProfileDir: os.Getenv("PANEL_HELPER_DIR"), Profile: os.Getenv("PANEL_HELPER_PROFILE"),
		InsecureStorage: os.Getenv("PANEL_HELPER_INSECURE") == "1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RefreshToken(t.Context(), mustToken(t, t.Context(), s)); err != nil {
		t.Fatal(err)
	}
}

func mustToken(t *testing.T, ctx context.Context, s *Session) string {
	t.Helper()
	tok, err := s.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// signedInStorage starts an emulator and signs a session in with tokens in storage (the keychain or the
// file), in a throwaway profile; the test's end signs it out and stops the emulator.
func signedInStorage(t *testing.T, storage, profilePrefix string) (context.Context, *emulator.Server, Options, *Session) {
	t.Helper()
	if storage == StorageKeyring {
		requireSecretService(t)
	}
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	o := Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: t.TempDir(),
		Profile: profilePrefix + randomString(6), InsecureStorage: storage == StorageFile}
	s, err := NewSession(o)
	if err != nil {
		t.Fatal(err)
	}
	signInForTest(t, ctx, s)
	t.Cleanup(func() { _, _ = s.Logout(context.Background()) })
	return ctx, srv, o, s
}

// signInForTest signs s in as alice through the browser flow, the test playing the browser.
func signInForTest(t *testing.T, ctx context.Context, s *Session) {
	t.Helper()
	bl, err := s.BeginBrowserLogin(ctx, LoginOptions{Email: "alice@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	go func() {
		if res, err := http.Get(bl.URL()); err == nil {
			res.Body.Close()
		}
	}()
	if _, err := bl.Wait(ctx); err != nil {
		t.Fatal(err)
	}
}

// countAuthenticateInternal counts POST /user_management/authenticate in the emulator's request log.
func countAuthenticateInternal(t *testing.T, srv *emulator.Server) int {
	t.Helper()
	n := 0
	for _, r := range srv.Controls().Requests() {
		if r.Method == http.MethodPost && r.Path == "/user_management/authenticate" {
			n++
		}
	}
	return n
}

// A copy older than the store that the stamp did not expose (a write it was not told of) costs one
// refused refresh, never the session: the refusal makes the store be read, and its refresh token is the
// one presented next.
func TestAStaleCopyIsNotASignOut(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := NewSession(Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: t.TempDir(),
		Profile: "test", InsecureStorage: true})
	if err != nil {
		t.Fatal(err)
	}
	signInForTest(t, ctx, s)
	spent, _ := s.store.loadRecord()
	tok := mustToken(t, ctx, s)
	fresh, err := s.RefreshToken(ctx, tok) // spends the stored refresh token
	if err != nil {
		t.Fatal(err)
	}
	stamp, _ := readStamp(s.lockPath)
	s.cache.putRecord(stamp, spent)
	before := countAuthenticateInternal(t, srv)
	if _, err := s.RefreshToken(ctx, fresh); err != nil {
		t.Fatalf("refresh from a stale copy: %v", err)
	}
	if n := countAuthenticateInternal(t, srv) - before; n != 2 {
		t.Errorf("%d authenticate calls, want 2 (the refused one, then the stored token's)", n)
	}
	if _, err := s.Info(ctx); err != nil {
		t.Fatalf("the session was lost: %v", err)
	}
}
