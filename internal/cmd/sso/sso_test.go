package sso

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestSSOFlags(t *testing.T) {
	payload, sig, link := discourseLink(t)
	var d *discourseOptions
	for _, args := range [][]string{{link, "--print"}, {"--sso", url.QueryEscape(payload), "--sig", sig, "--print"}} {
		cmd := cmdtest.Quiet(newDiscourseCmd(cmdtest.Factory(), func(o *discourseOptions) error { d = o; return nil }))
		cmd.SetArgs(args)
		if err := cmd.Execute(); err != nil || d.Payload != payload || d.Sig != sig || !d.Print {
			t.Errorf("%v: options = %+v %v", args, d, err)
		}
	}
	cmd := cmdtest.Quiet(newDiscourseCmd(cmdtest.Factory(), func(*discourseOptions) error { return nil }))
	cmd.SetArgs([]string{"--sso", payload})
	if err := cmd.Execute(); err == nil {
		t.Error("discourse without sig accepted")
	}
	var cn *cannyOptions
	cmd = cmdtest.Quiet(newCannyCmd(cmdtest.Factory(), func(o *cannyOptions) error { cn = o; return nil }))
	cmd.SetArgs([]string{"--company-id", "c1", "--redirect", "https://feedback.example.com", "--print"})
	if err := cmd.Execute(); err != nil || cn.CompanyID != "c1" || !cn.Print {
		t.Errorf("canny options = %+v %v", cn, err)
	}
	cmd = cmdtest.Quiet(newCannyCmd(cmdtest.Factory(), func(*cannyOptions) error { return nil }))
	cmd.SetArgs([]string{"--company-id", "c1"})
	if err := cmd.Execute(); err == nil {
		t.Error("canny without --redirect accepted")
	}
}

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
