package auth_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// Every forged or malformed callback gets an error page and the wait goes on; the genuine one then
// completes, and replaying it is refused (B3).
func TestCallbackAcceptsOnlyTheGenuineRedirectOnce(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	genuine := redirectOf(t, bl.URL())
	u, _ := url.Parse(genuine)
	with := func(edit func(q url.Values)) string {
		v := *u
		q := v.Query()
		edit(q)
		v.RawQuery = q.Encode()
		return v.String()
	}
	attacks := map[string]*http.Request{
		"wrong state":   get(t, with(func(q url.Values) { q.Set("state", q.Get("state")+"x") }), ""),
		"missing state": get(t, with(func(q url.Values) { q.Del("state") }), ""),
		"no code":       get(t, with(func(q url.Values) { q.Del("code") }), ""),
		"wrong path":    get(t, strings.Replace(genuine, "/callback", "/callback/", 1), ""),
		"other host":    get(t, genuine, "attacker.example:"+u.Port()),
		"localhost":     get(t, genuine, "localhost:"+u.Port()),
		"error without our state": get(t, with(func(q url.Values) {
			q.Del("code")
			q.Set("error", "access_denied")
			q.Set("state", "forged")
		}), ""),
	}
	post, _ := http.NewRequest(http.MethodPost, genuine, nil)
	attacks["POST"] = post
	for name, req := range attacks {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res.Body.Close()
		if res.StatusCode < 400 {
			t.Errorf("%s: answered %d, want an error page", name, res.StatusCode)
		}
	}
	tab := browseAsync(genuine)
	res, err := bl.Wait(ctxT(t))
	if err != nil {
		t.Fatalf("the genuine callback after the attacks: %v", err)
	}
	if p := <-tab; p.status != 200 || !strings.Contains(p.body, "Signed in as "+res.Info.Email) {
		t.Errorf("success page = %d %q", p.status, p.body)
	}
	replay := browse(genuine)
	if replay.err == nil && replay.status != http.StatusConflict {
		t.Errorf("replayed callback answered %d, want 409 (or a closed listener)", replay.status)
	}
}

func get(t *testing.T, u, host string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	return req
}
