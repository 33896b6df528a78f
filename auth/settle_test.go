package auth_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// A refresh whose caller gives up once it is sent (the emulator spent the refresh token and holds its
// answer) is still finished and stored: another process of the profile refreshes with the new refresh
// token instead of finding the session lost.
func TestGivenUpRefreshIsStored(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	inDir := sameProfile(t)
	s := newSession(t, srv, inDir)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	old, err := s.Token(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	holdNextAuthenticate(t, srv)
	giveUpWhileHeld(t, srv, "RefreshToken", func(ctx context.Context) error { _, err := s.RefreshToken(ctx, old); return err },
		func() {
			if !auth.ExchangesPending() {
				t.Fatal("the sent refresh is not counted as running")
			}
		})
	assertSessionKept(t, srv, inDir, old)
}

// A switch given up while its refresh is in flight keeps the session the same way.
func TestGivenUpSwitchIsStored(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	inDir := sameProfile(t)
	s := newSession(t, srv, inDir)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	old, err := s.Token(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	holdNextAuthenticate(t, srv)
	giveUpWhileHeld(t, srv, "StartSwitch", func(ctx context.Context) error { _, err := s.StartSwitch(ctx, "org_globex"); return err }, nil)
	assertSessionKept(t, srv, inDir, old)
}

// The sign-in code is single-use too: a browser sign-in given up during its exchange is stored.
func TestGivenUpCodeExchangeIsStored(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	inDir := sameProfile(t)
	s := newSession(t, srv, inDir)
	ctx, cancel := context.WithCancel(ctxT(t))
	bl, err := s.BeginBrowserLogin(ctx, auth.LoginOptions{Email: "alice@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	holdNextAuthenticate(t, srv)
	tab := browseAsync(bl.URL())
	giveUp(t, srv, "Wait", cancel, func() error { _, err := bl.Wait(ctx); return err }, nil)
	<-tab
	assertSessionKept(t, srv, inDir, "")
}

// The device code is spent by the poll that finds it approved: given up during that poll, the sign-in is
// stored all the same.
func TestGivenUpDevicePollIsStored(t *testing.T) {
	srv := startEmulator(t, emulator.Options{DevicePollInterval: 100 * time.Millisecond})
	inDir := sameProfile(t)
	s := newSession(t, srv, inDir)
	dl, err := s.BeginDeviceLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p := browse(dl.VerificationURIComplete); !strings.Contains(p.body, "approved") {
		t.Fatalf("verification page: %d %q %v", p.status, p.body, p.err)
	}
	holdNextAuthenticate(t, srv) // the first poll, after the approval
	giveUpWhileHeld(t, srv, "Wait", func(ctx context.Context) error { _, err := dl.Wait(ctx); return err }, nil)
	assertSessionKept(t, srv, inDir, "")
}

// giveUpWhileHeld runs call, waits until the emulator holds the exchange it sent, gives up on it (the
// caller's context is cancelled, as a signal does), checks that call returned context.Canceled, runs
// whileHeld (nil: nothing) and releases the held answer.
func giveUpWhileHeld(t *testing.T, srv *emulator.Server, what string, call func(context.Context) error, whileHeld func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(ctxT(t))
	giveUp(t, srv, what, cancel, func() error { return call(ctx) }, whileHeld)
}

// giveUp is giveUpWhileHeld for a call already bound to the context that cancel ends (something else was
// started with that context too).
func giveUp(t *testing.T, srv *emulator.Server, what string, cancel context.CancelFunc, call func() error, whileHeld func()) {
	t.Helper()
	got := make(chan error, 1)
	go func() { got <- call() }()
	waitHeld(t, srv)
	cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller gave up, %s = %v, want context.Canceled", what, err)
	}
	if whileHeld != nil {
		whileHeld()
	}
	finishHeld(t, srv)
}

func sameProfile(t *testing.T) func(*auth.Options) {
	dir := t.TempDir()
	return func(o *auth.Options) { o.ProfileDir = dir }
}

// assertSessionKept: another process of the profile finds a newer token than old stored, and its refresh
// token still refreshes.
func assertSessionKept(t *testing.T, srv *emulator.Server, inDir func(*auth.Options), old string) {
	t.Helper()
	other := newSession(t, srv, inDir)
	tok, err := other.Token(ctxT(t))
	if err != nil {
		t.Fatalf("another process after the given-up exchange: %v", err)
	}
	if tok == old {
		t.Fatal("another process still reads the token from before the exchange")
	}
	if _, err := other.RefreshToken(ctxT(t), tok); err != nil {
		t.Fatalf("the stored refresh token no longer refreshes: %v", err)
	}
}

// holdNextAuthenticate makes the emulator process the next authenticate request and hold its answer.
func holdNextAuthenticate(t *testing.T, srv *emulator.Server) {
	t.Helper()
	hook(t, srv, "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "count": 1, "hold": true})
}

// waitHeld waits until the emulator holds an answer: the exchange took effect, its caller waits.
func waitHeld(t *testing.T, srv *emulator.Server) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		res, err := http.Get(srv.URL + "/_emulator/holds")
		if err != nil {
			t.Fatal(err)
		}
		var held []json.RawMessage
		err = json.NewDecoder(res.Body).Decode(&held)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(held) > 0 {
			return
		}
	}
	t.Fatal("the emulator never held an answer")
}

// finishHeld sends the held answers and waits for the exchanges to be stored.
func finishHeld(t *testing.T, srv *emulator.Server) {
	t.Helper()
	res, err := http.Post(srv.URL+"/_emulator/holds/release", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if err := auth.WaitExchanges(ctxT(t)); err != nil {
		t.Fatalf("WaitExchanges: %v", err)
	}
}
