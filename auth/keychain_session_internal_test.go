package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/panel-dev/panel/emulator"
)

// A whole session in the real keychain: sign-in, a second process reading it, refresh, sign-out deleting
// every item. Also measures the time from the callback to the stored tokens.
func TestKeychainSessionEndToEnd(t *testing.T) {
	requireSecretService(t)
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{AccessTokenTTL: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	o := Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: t.TempDir(),
		Profile: "test-e2e-" + randomString(6)}
	s, err := NewSession(o)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := s.BeginBrowserLogin(ctx, LoginOptions{Email: "alice@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noFollow.Get(bl.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	callbackAt := time.Now()
	if err := bl.SubmitRedirect(res.Header.Get("Location")); err != nil {
		t.Fatal(err)
	}
	done, err := bl.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("callback to tokens stored in the keychain: %s", done.StoredAt.Sub(callbackAt))
	if done.Info.Storage != StorageKeyring {
		t.Fatalf("storage = %s", done.Info.Storage)
	}

	other, _ := NewSession(o) // another process of the same profile
	info, err := other.Info(ctx)
	if err != nil || info.Email != "alice@example.com" || info.OrganizationID != "org_acme" {
		t.Fatalf("Info from the keychain = %+v, %v", info, err)
	}
	if _, err := other.Token(ctx); err != nil { // the 5 s token is inside the margin: this refreshes
		t.Fatalf("refresh through the keychain: %v", err)
	}
	out, err := other.Logout(ctx)
	if err != nil || !out.ServerSessionEnded || out.Storage != StorageKeyring {
		t.Fatalf("logout = %+v, %v", out, err)
	}
	item := keychainItem(o.Profile, o.ProfileDir)
	if !strings.HasPrefix(item, o.Profile+"@") {
		t.Errorf("a test's config directory shares the default item: %q", item)
	}
	for _, account := range []string{item, item + "/access/org_acme"} {
		if _, err := keyring.Get(keyringService, account); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("item %s survived sign-out: %v", account, err)
		}
	}
}
