package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

func discourseLink(t *testing.T) (payload, sig, link string) {
	t.Helper()
	payload = base64.StdEncoding.EncodeToString([]byte("nonce=abc&return_sso_url=" +
		url.QueryEscape("https://forum.example.com/session/sso_login")))
	mac := hmac.New(sha256.New, []byte("discourse-demo-secret"))
	mac.Write([]byte(payload))
	sig = hex.EncodeToString(mac.Sum(nil))
	link = "https://app.example.com/sso/discourse?" + url.Values{"sso": {payload}, "sig": {sig}}.Encode()
	return payload, sig, link
}

func TestSSOCannyAndDiscourse(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	out := strings.TrimSpace(c.ok("sso", "canny", "--company-id", "c1", "--redirect", "https://feedback.example.com/b", "--print"))
	u, err := url.Parse(out)
	if err != nil || u.Host != "canny.io" || u.Path != "/api/redirects/sso" || u.Query().Get("companyID") != "c1" ||
		u.Query().Get("redirect") != "https://feedback.example.com/b" || strings.Count(u.Query().Get("ssoToken"), ".") != 2 {
		t.Errorf("canny URL = %s", out)
	}

	_, _, link := discourseLink(t)
	out = strings.TrimSpace(c.ok("sso", "discourse", link, "--print"))
	if !strings.HasPrefix(out, "https://forum.example.com/session/sso_login?sso=") || !strings.Contains(out, "&sig=") {
		t.Fatalf("discourse URL = %s", out)
	}
	u, _ = url.Parse(out)
	raw, err := base64.StdEncoding.DecodeString(u.Query().Get("sso")) // decoded exactly once: not double-encoded
	if err != nil || !strings.Contains(string(raw), "email=alice%40example.com") || !strings.Contains(string(raw), "nonce=abc") {
		t.Errorf("discourse answer payload = %q %v", raw, err)
	}
	_, errOut, code := c.panel("", "sso", "discourse", "--sso", base64.StdEncoding.EncodeToString([]byte("nonce=x&return_sso_url=https%3A%2F%2Ff.example%2F")), "--sig", "00", "--print")
	if code != 1 || !strings.Contains(errOut, "sig") {
		t.Errorf("bad signature: exit %d %s", code, errOut)
	}
}
