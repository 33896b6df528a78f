package auth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRecordSizeIsCheckedBeforeWriting(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profile")
	fs := fileStore{path: filepath.Join(dir, tokenFileName)}
	big := &record{RefreshToken: strings.Repeat("r", maxItemSize)}
	if err := fs.saveRecord(big); err == nil || !strings.Contains(err.Error(), "2560") {
		t.Fatalf("saving an oversized record = %v", err)
	}
	if err := (keyringStore{item: "never-written"}).saveRecord(big); err == nil {
		t.Fatal("the keychain store accepted an oversized record")
	}
	small := &record{Version: 1, RefreshToken: "rt", SessionID: "session_1", UserID: "user_1",
		Email: "a@example.com", OrganizationID: "org_acme", AccessOrgs: []string{"org_acme"}}
	if err := fs.saveRecord(small); err != nil {
		t.Fatal(err)
	}
	if v, _ := encodeItem("r", small); len(v) > 400 {
		t.Errorf("a typical record is %d bytes", len(v))
	}
	assertMode(t, dir, 0o700)
	assertMode(t, fs.path, 0o600)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != want {
		t.Errorf("%s is %o, want %o", path, st.Mode().Perm(), want)
	}
}

// A refused refresh token clears the stored session only if it is still the stored one.
func TestCompareAndClear(t *testing.T) {
	s, err := NewSession(Options{ClientID: "c", AuthURL: "http://127.0.0.1:1", ProfileDir: t.TempDir(), InsecureStorage: true})
	if err != nil {
		t.Fatal(err)
	}
	refused := &record{RefreshToken: "old", SessionID: "s1"}
	newer := &record{RefreshToken: "new", SessionID: "s2"}
	if err := s.store.saveRecord(newer); err != nil {
		t.Fatal(err)
	}
	s.clearIfUnchanged(refused)
	if got, _ := s.store.loadRecord(); got == nil || got.RefreshToken != "new" {
		t.Fatalf("a newer session was cleared: %+v", got)
	}
	s.clearIfUnchanged(newer)
	if got, _ := s.store.loadRecord(); got != nil {
		t.Fatalf("the refused session is still stored")
	}
}

func TestExpiryUsesTheLocalClock(t *testing.T) {
	// A server clock an hour ahead: exp is far in our future, but the lifetime is 5 minutes.
	c := claims{IssuedAt: time.Unix(10_000, 0).Add(time.Hour), ExpiresAt: time.Unix(10_000, 0).Add(time.Hour + 5*time.Minute)}
	received := time.Unix(10_000, 0)
	if got := c.localExpiry(received); !got.Equal(received.Add(5 * time.Minute)) {
		t.Fatalf("local expiry %s", got)
	}
}

func TestStateCarriesNextAndTheOrganization(t *testing.T) {
	for _, next := range []string{"", "orgs", "invitations/received?id=1&x=ü"} {
		for _, org := range []string{"", "org_umbrella"} {
			st := newState(next, org)
			if n, o := fromState(st); n != next || o != org {
				t.Errorf("next %q, organization %q came back as %q, %q", next, org, n, o)
			}
			if st == newState(next, org) {
				t.Error("state is not random")
			}
		}
	}
	if nextFromState("abc.!!!") != "" {
		t.Error("a malformed state yielded a next")
	}
	if n, o := fromState("abc.b3Jncw.!!!"); n != "orgs" || o != "" {
		t.Errorf("a malformed organization part: %q, %q", n, o)
	}
}

func TestBothRefusalShapes(t *testing.T) {
	cases := map[string]string{
		`{"error":"invalid_grant","error_description":"Refresh token already exchanged."}`: "invalid_grant",
		`{"code":"organization_membership_not_found","message":"not a member"}`:            "organization_membership_not_found",
		`not json`: "bad_request",
	}
	for body, code := range cases {
		var ref *RefusedError
		if err := decodeRefusal(400, []byte(body)); !errors.As(err, &ref) || ref.Code != code {
			t.Errorf("%s → %v, want %s", body, err, code)
		}
	}
	sel := decodeRefusal(403, []byte(`{"code":"organization_selection_required","pending_authentication_token":"p",
		"organizations":[{"id":"org_a","name":"a"}],"user":{"email":"a@example.com"}}`))
	var osr *OrganizationSelectionRequired
	if !errors.As(sel, &osr) || osr.PendingToken != "p" || len(osr.Organizations) != 1 || strings.Contains(sel.Error(), "p,") {
		t.Errorf("selection = %#v", sel)
	}
	if err := decodeRefusal(502, []byte("<html>")); errors.As(err, new(*RefusedError)) {
		t.Error("a 502 is not a refusal: the session must be kept")
	}
}
