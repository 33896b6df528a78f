package auth_test

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testnet"
)

// The selection grant of a WorkOS that wants a client secret: refused with a body that is only
// {message}, whose text is kept.
func TestOrganizationSelectionRefusedWithOnlyAMessage(t *testing.T) {
	srv := startEmulator(t, emulator.Options{OrganizationSelectionRequired: true, SelectionGrantNeedsSecret: true})
	s := newSession(t, srv)
	sel := selectionRequired(t, s, auth.LoginOptions{Email: "alice@example.com"})
	_, err := s.ChooseOrganization(ctxT(t), sel, "org_globex")
	var ref *auth.RefusedError
	if !errors.As(err, &ref) || ref.Status != 400 || !strings.Contains(ref.Description, "client_secret is required") ||
		!strings.Contains(err.Error(), "client_secret is required") {
		t.Fatalf("ChooseOrganization = %v (%+v), want the refusal with WorkOS's message", err, ref)
	}
}

// A fixed callback port (the session's, or the sign-in's own) is the redirect URI's; prompt=login is asked
// for only on request.
func TestBrowserLoginCallbackPortAndPrompt(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	profilePort, ownPort := testnet.FixedPort(t), testnet.FixedPort(t)
	s := newSession(t, srv, func(o *auth.Options) { o.CallbackPort = profilePort })
	for _, c := range []struct {
		o      auth.LoginOptions
		port   int
		prompt string
	}{
		{auth.LoginOptions{}, profilePort, ""},
		{auth.LoginOptions{CallbackPort: ownPort, Reauthenticate: true}, ownPort, "login"},
	} {
		bl, err := s.BeginBrowserLogin(ctxT(t), c.o)
		if err != nil {
			t.Fatal(err)
		}
		want := "http://127.0.0.1:" + strconv.Itoa(c.port) + "/callback"
		u, _ := url.Parse(bl.URL())
		if bl.RedirectURI() != want || u.Query().Get("redirect_uri") != want || u.Query().Get("prompt") != c.prompt {
			t.Errorf("%+v: redirect %s, URL %s", c.o, bl.RedirectURI(), bl.URL())
		}
		// The port is held until the sign-in ends: a second sign-in on it says so.
		_, err = s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{CallbackPort: c.port})
		var busy *auth.CallbackPortError
		if !errors.As(err, &busy) || busy.Port != c.port {
			t.Errorf("second sign-in on port %d: %v", c.port, err)
		}
		bl.Close()
	}
	res := loginBrowser(t, s, auth.LoginOptions{})
	if res.Info.Email == "" {
		t.Fatal("no sign-in through the fixed port")
	}
}

// Nothing comes back to the redirect URI: the timeout names it (the CLI says why that happens).
func TestBrowserLoginTimeoutNamesTheRedirectURI(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	_, err = bl.Wait(ctxT(t))
	var timeout *auth.CallbackTimeoutError
	if !errors.Is(err, auth.ErrLoginTimeout) || !errors.As(err, &timeout) || timeout.RedirectURI != bl.RedirectURI() {
		t.Fatalf("Wait = %v, want a timeout naming %s", err, bl.RedirectURI())
	}
}

// A sign-in that ends frees its fixed port at once: the next sign-in on that port starts (panel login run
// again right after one that was cancelled).
func TestBrowserLoginFreesItsFixedPortWhenClosed(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	port := testnet.FixedPort(t)
	s := newSession(t, srv, func(o *auth.Options) { o.CallbackPort = port })
	for i := range 50 {
		bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
		if err != nil {
			t.Fatalf("sign-in %d on port %d right after the previous one closed: %v", i+1, port, err)
		}
		bl.Close()
	}
}
