package auth_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

func sessionRevoked(t *testing.T, srv *emulator.Server, id string) bool {
	t.Helper()
	res, err := http.Get(srv.URL + "/_emulator/sessions")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var list []struct {
		ID      string `json:"id"`
		Revoked bool   `json:"revoked"`
	}
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.ID == id {
			return s.Revoked
		}
	}
	t.Fatalf("no session %s on the server", id)
	return false
}

func TestLogoutEndsTheServerSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	res := loginBrowser(t, s, auth.LoginOptions{Email: "bob@example.com"})
	out, err := s.Logout(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	if !out.WasSignedIn || !out.ServerSessionEnded || out.Email != "bob@example.com" || out.Storage != auth.StorageFile {
		t.Fatalf("logout = %+v", out)
	}
	if !sessionRevoked(t, srv, res.Info.SessionID) {
		t.Fatal("the server session is still live")
	}
	if _, err := s.Token(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Token after logout = %v", err)
	}
	again, err := s.Logout(ctxT(t))
	if err != nil || again.WasSignedIn {
		t.Fatalf("second logout = %+v, %v", again, err)
	}
}

func TestLogoutOfflineStillClearsLocally(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{})
	srv.Close()
	out, err := s.Logout(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	if !out.WasSignedIn || out.ServerSessionEnded || out.ServerError == nil {
		t.Fatalf("offline logout = %+v", out)
	}
	if _, err := s.Info(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Info after offline logout = %v", err)
	}
}

func TestForcedSignInEndsTheReplacedSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	first := loginBrowser(t, s, auth.LoginOptions{})
	second := loginBrowser(t, s, auth.LoginOptions{})
	if first.Info.SessionID == second.Info.SessionID || !sessionRevoked(t, srv, first.Info.SessionID) {
		t.Fatal("the replaced session was left live on the server")
	}
}
