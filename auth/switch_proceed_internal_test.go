package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setWriteDelay sets how long a switch's writes wait for Proceed, for the test.
func setWriteDelay(t *testing.T, d time.Duration) {
	t.Helper()
	was := writeDelay
	writeDelay = d
	t.Cleanup(func() { writeDelay = was })
}

// storedDefault is the default organization another process of the profile finds stored.
func storedDefault(t *testing.T, o Options) string {
	t.Helper()
	other, err := NewSession(o)
	if err != nil {
		t.Fatal(err)
	}
	in, err := other.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return in.DefaultOrganizationID
}

// A switch's writes wait for the caller's Proceed (its first reads on the wire), so that they never take
// the processor those reads need: until then the store is untouched, and another process finds the session
// as it was. Wait proceeds, and the switch is stored. The same holds for a switch back with a held token.
func TestSwitchWritesWaitForProceed(t *testing.T) {
	for _, storage := range []string{StorageKeyring, StorageFile} {
		t.Run(storage, func(t *testing.T) {
			ctx, _, o, s := signedInStorage(t, storage, "test-proceed-")
			counted := &countingStore{tokenStore: s.store}
			s.store = counted
			setWriteDelay(t, time.Hour)
			for _, org := range []string{"org_globex", "org_acme"} { // a refresh, then a held token
				sw, err := s.StartSwitch(ctx, org)
				if err != nil {
					t.Fatal(err)
				}
				if n := counted.writes.Load(); n != 0 {
					t.Fatalf("switch to %s: %d writes before Proceed", org, n)
				}
				if tok, err := s.Token(ctx); err != nil || tok == "" {
					t.Fatalf("switch to %s: no token before the writes: %v", org, err)
				}
				sw.Proceed()
				if err := sw.Wait(); err != nil {
					t.Fatal(err)
				}
				if n := counted.writes.Load(); n == 0 {
					t.Fatalf("switch to %s: nothing written after Wait", org)
				}
				if d := storedDefault(t, o); d != org {
					t.Fatalf("switch to %s: another process finds the default %q", org, d)
				}
				counted.writes.Store(0)
			}
		})
	}
}

// A switch whose caller never proceeds nor waits (an exit right after the refresh answered) is stored all
// the same: the writes start writeDelay after the answer, and WaitExchanges, which every exit path calls,
// returns only once they are done. Another process then uses the rotated refresh token, without a
// refusal: the session is kept.
func TestSwitchNeverProceededIsStoredBeforeExit(t *testing.T) {
	for _, storage := range []string{StorageKeyring, StorageFile} {
		t.Run(storage, func(t *testing.T) {
			ctx, srv, o, s := signedInStorage(t, storage, "test-noproceed-")
			setWriteDelay(t, 20*time.Millisecond)
			if _, err := s.StartSwitch(ctx, "org_globex"); err != nil {
				t.Fatal(err)
			}
			if !ExchangesPending() {
				t.Fatal("the switch's writes are not waited for at exit")
			}
			if err := WaitExchanges(ctx); err != nil {
				t.Fatal(err)
			}
			if d := storedDefault(t, o); d != "org_globex" {
				t.Fatalf("after the exit wait, another process finds the default %q", d)
			}
			other, err := NewSession(o)
			if err != nil {
				t.Fatal(err)
			}
			before := countAuthenticateInternal(t, srv)
			if _, err := other.RefreshToken(ctx, mustToken(t, ctx, other)); err != nil {
				t.Fatalf("another process's refresh with the stored session: %v", err)
			}
			if n := countAuthenticateInternal(t, srv) - before; n != 1 {
				t.Fatalf("another process made %d refreshes, want 1 (its stored token was the switch's)", n)
			}
		})
	}
}

// A switch's write that fails (here the token file's place taken by a directory once the refresh answered)
// is the switch's error, from Wait, saying to sign in again; the new token still serves this process.
func TestSwitchWriteFailureIsReported(t *testing.T) {
	ctx, _, o, s := signedInStorage(t, StorageFile, "test-writefail-")
	setWriteDelay(t, time.Hour)
	sw, err := s.StartSwitch(ctx, "org_globex")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(o.ProfileDir, tokenFileName)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "taken"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(path) })
	err = sw.Wait()
	if err == nil || !strings.Contains(err.Error(), "could not be saved") {
		t.Fatalf("Wait after a failed write = %v, want the failure reported", err)
	}
	if tok, terr := s.Token(ctx); terr != nil || tok == "" {
		t.Fatalf("this process's token after the failed write: %v", terr)
	}
}
