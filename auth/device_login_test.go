package auth_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/qrcode"
)

func TestDeviceLogin(t *testing.T) {
	srv := startEmulator(t, emulator.Options{DevicePollInterval: time.Second})
	s := newSession(t, srv)
	dl, err := s.BeginDeviceLogin(ctxT(t), auth.LoginOptions{Next: "orgs"})
	if err != nil {
		t.Fatal(err)
	}
	if dl.UserCode == "" || !strings.HasPrefix(dl.VerificationURI, srv.URL) ||
		!strings.Contains(dl.VerificationURIComplete, "user_code=") {
		t.Fatalf("device login = %+v", dl)
	}
	if qr := qrcode.Render(dl.VerificationURIComplete); strings.Count(qr, "\n") < 10 {
		t.Fatalf("QR code too small:\n%s", qr)
	}
	tab := browseAsync(dl.VerificationURIComplete + "&email=bob%40example.com")
	res, err := dl.Wait(ctxT(t))
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if res.Info.Email != "bob@example.com" || res.Next != "orgs" {
		t.Fatalf("result = %+v", res)
	}
	if p := <-tab; !strings.Contains(p.body, "approved") {
		t.Errorf("verification page: %q", p.body)
	}
}

func TestDeviceLoginDenied(t *testing.T) {
	srv := startEmulator(t, emulator.Options{DevicePollInterval: time.Second})
	s := newSession(t, srv)
	dl, err := s.BeginDeviceLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.PostForm(dl.VerificationURI, url.Values{"user_code": {dl.UserCode}, "action": {"deny"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	_, err = dl.Wait(ctxT(t))
	var ref *auth.RefusedError
	if !errors.As(err, &ref) || ref.Code != "access_denied" {
		t.Fatalf("Wait = %v, want access_denied", err)
	}
}

// WorkOS's spec gives interval and expires_in as numbers, not integers: a fractional interval is polled at
// (four polls a second here), not a decoding error.
func TestDeviceLoginFractionalInterval(t *testing.T) {
	srv := startEmulator(t, emulator.Options{DevicePollInterval: 250 * time.Millisecond})
	s := newSession(t, srv)
	dl, err := s.BeginDeviceLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatalf("BeginDeviceLogin with interval 0.25: %v", err)
	}
	if until := time.Until(dl.ExpiresAt); until < 4*time.Minute || until > 5*time.Minute {
		t.Fatalf("expires in %v, want the emulator's 300 s", until)
	}
	tab := browseAsync(dl.VerificationURIComplete)
	if _, err := dl.Wait(ctxT(t)); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	<-tab
}
