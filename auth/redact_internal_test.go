package auth

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// Printing any value that holds a secret — with every verb a debug line or a panic would use — shows
// none: a live session with tokens in memory, a sign-in in progress (verifier, state), a device sign-in
// (device code), an organization choice (pending token), the stored record and access tokens.
func TestPrintedValuesHoldNoSecret(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, _ := NewSession(Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: t.TempDir(), InsecureStorage: true})
	signInByPaste(t, ctx, s, "alice@example.com")
	tok, err := s.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := s.store.loadRecord()
	at, _ := s.store.loadAccess(rec.OrganizationID)
	bl, err := s.BeginBrowserLogin(ctx, LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	dl, err := s.BeginDeviceLogin(ctx, LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sel := &OrganizationSelectionRequired{PendingToken: "pending-" + randomString(16), Organizations: []OrganizationChoice{{ID: "org_a"}}}
	secrets := []string{tok, rec.RefreshToken, at.Token, bl.pkce.verifier, bl.state, dl.deviceCode, sel.PendingToken}
	values := []any{s, bl, dl, sel, rec, *rec, at, *at, []*record{rec}, map[string]*accessToken{"o": at}}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range secrets {
				if secret != "" && strings.Contains(out, secret) {
					t.Errorf("%s of %T shows a secret: %s", verb, v, out)
				}
			}
		}
	}
}
