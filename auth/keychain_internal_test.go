package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// requireSecretService skips (fails under CI=true) unless a Secret Service answers a write and a read:
// run the tests through scripts/with-keychain.sh.
func requireSecretService(t *testing.T) {
	t.Helper()
	k := keyringStore{item: "probe-" + randomString(6)}
	err := k.set(k.item, "probe")
	if err == nil {
		var v string
		v, _, err = k.get(k.item)
		_ = k.delete(k.item)
		if err == nil && v != "probe" {
			err = errors.New("the keychain returned another value than the one written")
		}
	}
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no usable Secret Service under CI=true (run the tests through scripts/with-keychain.sh): %v", err)
	}
	t.Skipf("no usable Secret Service (run the tests through scripts/with-keychain.sh): %v", err)
}

func TestKeychainStoreRoundTrip(t *testing.T) {
	requireSecretService(t)
	k := keyringStore{item: "test-roundtrip-" + randomString(6)}
	rec := &record{Version: 1, RefreshToken: randomString(24), SessionID: "session_1", UserID: "user_1",
		Email: "alice@example.com", OrganizationID: "org_acme", AccessOrgs: []string{"org_acme", "org_globex"}}
	var sets, gets []time.Duration
	for range 20 {
		start := time.Now()
		if err := k.saveRecord(rec); err != nil {
			t.Fatal(err)
		}
		sets = append(sets, time.Since(start))
		start = time.Now()
		got, err := k.loadRecord()
		if err != nil || got.RefreshToken != rec.RefreshToken || got.Email != rec.Email {
			t.Fatalf("loadRecord = %+v, %v", got, err)
		}
		gets = append(gets, time.Since(start))
	}
	t.Logf("keychain (Secret Service) over 20 runs: set median %s, get median %s", median(sets), median(gets))
	for _, org := range rec.AccessOrgs {
		at := &accessToken{Token: "header.payload-" + org + ".sig", ExpiresAt: time.Now().Add(time.Minute), SessionID: "session_1"}
		if err := k.saveAccess(org, at); err != nil {
			t.Fatal(err)
		}
		if got, err := k.loadAccess(org); err != nil || got.Token != at.Token {
			t.Fatalf("loadAccess(%s) = %+v, %v", org, got, err)
		}
	}
	if err := k.clear(rec); err != nil {
		t.Fatal(err)
	}
	for _, account := range []string{k.item, k.accessAccount("org_acme"), k.accessAccount("org_globex")} {
		if _, err := keyring.Get(keyringService, account); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("item %s survived clear: %v", account, err)
		}
	}
	if got, err := k.loadRecord(); got != nil || err != nil {
		t.Fatalf("loadRecord after clear = %+v, %v", got, err)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// With no D-Bus session bus at all, the keychain error comes at once, names the cause and offers the file.
func TestNoSecretServiceIsAClearError(t *testing.T) {
	dir := t.TempDir()
	out := keychainHelper(t, "unix:path="+filepath.Join(dir, "no-bus-here"))
	if !out.Keychain || out.TimedOut || out.Elapsed >= keychainTimeout {
		t.Fatalf("helper = %+v, want an immediate keychain error", out)
	}
	for _, want := range []string{"D-Bus", "--insecure-storage", "PANEL_INSECURE_STORAGE"} {
		if !strings.Contains(out.Error, want) {
			t.Errorf("error %q does not mention %s", out.Error, want)
		}
	}
}

// A session bus that accepts the connection and never answers stands for D-Bus waiting on an unlock
// prompt nobody sees: the call gives up after the keychain timeout.
func TestKeychainThatNeverAnswersTimesOut(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "silent-bus")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c // read nothing, answer nothing
		}
	}()
	defer func() {
		ln.Close()
		for c := range accepted {
			c.Close()
		}
	}()
	out := keychainHelper(t, "unix:path="+sock)
	if !out.Keychain || !out.TimedOut || !strings.Contains(out.Error, "did not answer within 3s") ||
		!strings.Contains(out.Error, "--insecure-storage") {
		t.Fatalf("helper = %+v, want the keychain timeout error", out)
	}
}

type helperResult struct {
	Error    string        `json:"error"`
	Keychain bool          `json:"keychain"`
	TimedOut bool          `json:"timed_out"`
	Elapsed  time.Duration `json:"elapsed"`
}

// keychainHelper re-runs this test binary as a process whose session bus is busAddress (godbus keeps one
// session bus per process, so each case needs its own process).
func keychainHelper(t *testing.T, busAddress string) helperResult {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKeychainHelperProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "PANEL_KEYCHAIN_HELPER=1", "DBUS_SESSION_BUS_ADDRESS="+busAddress,
		"PANEL_HELPER_DIR="+t.TempDir())
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper process: %v\n%s", err, b)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "RESULT "); ok {
			var r helperResult
			if err := json.Unmarshal([]byte(rest), &r); err != nil {
				t.Fatal(err)
			}
			return r
		}
	}
	t.Fatalf("helper printed no result:\n%s", b)
	return helperResult{}
}

func TestKeychainHelperProcess(t *testing.T) {
	if os.Getenv("PANEL_KEYCHAIN_HELPER") != "1" {
		return
	}
	s, err := NewSession(Options{ClientID: "client", AuthURL: "http://127.0.0.1:1",
		ProfileDir: os.Getenv("PANEL_HELPER_DIR"), Profile: "helper"})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.Info(t.Context())
	r := helperResult{Elapsed: time.Since(start)}
	var kerr *KeychainError
	if err != nil {
		r.Error = err.Error()
	}
	if errors.As(err, &kerr) {
		r.Keychain, r.TimedOut = true, kerr.TimedOut
	}
	b, _ := json.Marshal(r)
	fmt.Printf("RESULT %s\n", b)
}
