package workos_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

type deviceAuthorization struct {
	DeviceCode              string  `json:"device_code"`
	UserCode                string  `json:"user_code"`
	VerificationURI         string  `json:"verification_uri"`
	VerificationURIComplete string  `json:"verification_uri_complete"`
	ExpiresIn               float64 `json:"expires_in"`
	Interval                float64 `json:"interval"`
}

func startDevice(c *emutest.Client) deviceAuthorization {
	c.T.Helper()
	resp := c.PostForm("/user_management/authorize/device", url.Values{"client_id": {c.Srv.ClientID}})
	if resp.StatusCode != http.StatusOK {
		c.T.Fatalf("device authorization: %d %s", resp.StatusCode, resp.Body)
	}
	return emutest.Decode[deviceAuthorization](c.T, resp.Body)
}

func poll(c *emutest.Client, deviceCode string) *emutest.Response {
	return c.PostJSON("/user_management/authenticate", map[string]string{"client_id": c.Srv.ClientID,
		"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": deviceCode})
}

// clock lets a test move the emulator's time forward instead of sleeping.
type clock struct{ now time.Time }

func (k *clock) install(c *emutest.Client) {
	k.now = time.Now()
	c.Srv.State().SetClock(func() time.Time { return k.now })
}

func TestDeviceFlowDefaultMode(t *testing.T) {
	c := client(t, emulator.Options{})
	var k clock
	k.install(c)
	d := startDevice(c)
	if d.DeviceCode == "" || len(d.UserCode) != 9 || d.VerificationURI != c.Srv.URL+"/device" ||
		d.VerificationURIComplete != d.VerificationURI+"?user_code="+d.UserCode || d.ExpiresIn != 300 || d.Interval != 5 {
		t.Fatalf("device authorization = %+v", d)
	}
	c.WantOAuthError(poll(c, d.DeviceCode), http.StatusBadRequest, "authorization_pending")
	c.WantOAuthError(poll(c, d.DeviceCode), http.StatusBadRequest, "slow_down")

	// The verification page approves at once in the default mode.
	page := c.Get(strings.TrimPrefix(d.VerificationURIComplete, c.Srv.URL), nil)
	if page.StatusCode != http.StatusOK || !strings.Contains(string(page.Body), "alice@example.com") {
		t.Fatalf("verify page: %d %s", page.StatusCode, page.Body)
	}
	k.now = k.now.Add(11 * time.Second) // past the interval, which slow_down raised to 10 s
	resp := poll(c, d.DeviceCode)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("approved poll: %d %s", resp.StatusCode, resp.Body)
	}
	if tok := emutest.Decode[emutest.Tokens](t, resp.Body); tok.OrganizationID != "org_acme" ||
		c.Claims(tok.AccessToken)["org_id"] != "org_acme" {
		t.Fatalf("device sign-in landed in %q", tok.OrganizationID)
	}
	k.now = k.now.Add(time.Minute)
	c.WantOAuthError(poll(c, d.DeviceCode), http.StatusBadRequest, "invalid_grant")
}

func TestDeviceFlowDenyAndExpiry(t *testing.T) {
	c := client(t, emulator.Options{})
	var k clock
	k.install(c)
	d := startDevice(c)
	if resp := c.PostForm("/device", url.Values{"user_code": {strings.ToLower(d.UserCode)}, "action": {"deny"}}); resp.StatusCode != http.StatusOK {
		t.Fatalf("deny: %d %s", resp.StatusCode, resp.Body)
	}
	c.WantOAuthError(poll(c, d.DeviceCode), http.StatusBadRequest, "access_denied")

	d = startDevice(c)
	k.now = k.now.Add(6 * time.Minute)
	c.WantOAuthError(poll(c, d.DeviceCode), http.StatusBadRequest, "expired_token")
	if resp := c.PostForm("/device", url.Values{"user_code": {d.UserCode}}); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("expired code on the verify page: %d", resp.StatusCode)
	}
}

func TestDeviceFlowInteractiveAsksForCredentials(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true, DevicePollInterval: time.Second})
	d := startDevice(c)
	if d.Interval != 1 {
		t.Fatalf("interval = %v", d.Interval)
	}
	page := c.Get("/device", url.Values{"user_code": {d.UserCode}})
	if page.StatusCode != http.StatusOK || !strings.Contains(string(page.Body), `name="password"`) {
		t.Fatalf("interactive verify page: %d", page.StatusCode)
	}
	form := url.Values{"user_code": {d.UserCode}, "action": {"approve"}, "email": {"bob@example.com"}, "password": {"nope"}}
	if resp := c.PostForm("/device", form); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	form.Set("password", "bob-password")
	if resp := c.PostForm("/device", form); resp.StatusCode != http.StatusOK {
		t.Fatalf("approve: %d %s", resp.StatusCode, resp.Body)
	}
	resp := poll(c, d.DeviceCode)
	if tok := emutest.Decode[emutest.Tokens](t, resp.Body); resp.StatusCode != http.StatusOK || tok.User["email"] != "bob@example.com" {
		t.Fatalf("poll: %d %s", resp.StatusCode, resp.Body)
	}
}

func TestDeviceAuthorizationNeedsTheClient(t *testing.T) {
	c := client(t, emulator.Options{})
	resp := c.PostJSON("/user_management/authorize/device", map[string]string{"client_id": "client_other"})
	c.WantOAuthError(resp, http.StatusBadRequest, "invalid_client")
}
