package auth

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Fuzz targets of the parsers that read what the browser, the user or WorkOS hand panel. Seeds: f.Add
// below plus testdata/fuzz/<FuzzName>/. scripts/test.sh runs each for a fixed count of inputs (FUZZTIME
// overrides it); by hand: go test -run='^$' -fuzz='^FuzzCallbackQuery$' -fuzztime=5m ./auth

const fuzzState = "Q2xhaW1zQXJlTm90U2VjcmV0c0J1dFN0YXRlSXM.b3Jncw"

func fuzzCallbackServer() *callbackServer {
	return &callbackServer{host: "127.0.0.1:4242", state: fuzzState, callbacks: make(chan callback, 1)}
}

// A redirect reaching the loopback listener: whatever the Host, path, query and headers, the callback is
// accepted only with the exact path, Host and state and a code or error, and only once.
func FuzzCallbackQuery(f *testing.F) {
	f.Add("127.0.0.1:4242", "/callback", "code=01HZ&state="+fuzzState, "")
	f.Add("127.0.0.1:4242", "/callback", "error=access_denied&error_description=User+cancelled&state="+fuzzState, "")
	f.Add("127.0.0.1:4242", "/callback", "state="+fuzzState+"&state=x&code=a&code=b", "https://evil.example")
	f.Add("localhost:4242", "/callback/", "code=%zz&state=%00", "null")
	f.Add("127.0.0.1:4242", "/callback", "code=;&state="+strings.Repeat("A", len(fuzzState)), "")
	f.Fuzz(func(t *testing.T, host, path, rawQuery, origin string) {
		c := fuzzCallbackServer()
		h := http.Header{}
		if origin != "" {
			h.Set("Origin", origin)
		}
		if problem := c.checkNavigation(h); problem == "" && origin != "" && origin != "http://"+c.host {
			t.Fatalf("Origin %q accepted", origin)
		}
		u := &url.URL{Path: path, RawQuery: rawQuery}
		cb, status, problem := c.check(host, u)
		if problem != "" {
			if status < 400 || cb != (callback{}) {
				t.Fatalf("refusal with status %d and callback %+v", status, cb)
			}
			return
		}
		q, _ := url.ParseQuery(rawQuery)
		if path != callbackPath || host != c.host || q.Get("state") != fuzzState || cb.state != fuzzState ||
			(cb.code == "" && cb.errCode == "") {
			t.Fatalf("accepted host %q path %q query %q as %+v", host, path, rawQuery, cb)
		}
		if _, status, _ := c.check(host, u); status != http.StatusConflict {
			t.Fatalf("the same callback accepted twice (%d)", status)
		}
	})
}

// The state carries next (B4) and the organization (B28): any pair survives the round trip, and any state
// decodes without panicking.
func FuzzStateNext(f *testing.F) {
	f.Add("", fuzzState)
	f.Add("orgs", "abc.b3Jncw")
	f.Add("invitations/received?id=1&x=ü", "abc.!!!")
	f.Add("\x00\xff", "..")
	f.Fuzz(func(t *testing.T, next, state string) {
		if got := nextFromState(newState(next, "")); got != next {
			t.Fatalf("next %q came back as %q", next, got)
		}
		if n, o := fromState(newState(next, next+"-org")); n != next || o != next+"-org" {
			t.Fatalf("next %q came back as %q, organization as %q", next, n, o)
		}
		if got := nextFromState(state); got != "" && !strings.Contains(state, ".") {
			t.Fatalf("state %q without a next part yielded %q", state, got)
		}
	})
}

// Claims of any token: a readable exp or errMalformedToken, never a panic, never the token in the error.
// payload is also tried as the claims of an otherwise well-formed JWT, so JSON oddities get reached.
func FuzzClaims(f *testing.F) {
	f.Add("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEiLCJzaWQiOiJzZXNzaW9uXzEiLCJvcmdfaWQiOiJvcmdfYWNtZSIsImV4cCI6MjAwMDAwMDAwMCwiaWF0IjoxOTk5OTk5NzAwfQ.c2ln",
		[]byte(`{"sub":"user_1","sid":"session_1","org_id":"org_acme","exp":2000000000,"iat":1999999700}`))
	f.Add("not a jwt", []byte(`{"exp":"soon"}`))
	f.Add("a.b.c", []byte(`{"exp":1e308,"iat":-1e308,"org_id":7}`))
	f.Add("", []byte(`{"exp":1.5,"iat":null,"sid":["x"]}`))
	f.Fuzz(func(t *testing.T, token string, payload []byte) {
		built := "eyJhbGciOiJSUzI1NiJ9." + base64.RawURLEncoding.EncodeToString(payload) + ".c2ln"
		received := time.Unix(1_700_000_000, 0)
		for _, tok := range []string{token, built} {
			c, err := parseClaims(tok)
			if err != nil {
				if !errors.Is(err, errMalformedToken) {
					t.Fatalf("error %v", err)
				}
				continue
			}
			if c.ExpiresAt.IsZero() {
				t.Fatal("accepted a token without exp")
			}
			_ = c.localExpiry(received)
		}
	})
}

// A redirected address pasted into the terminal (B2): accepted only when it is this sign-in's callback
// (or a bare query with its state), and the answer never repeats what was pasted.
func FuzzPastedRedirect(f *testing.F) {
	f.Add("http://127.0.0.1:4242/callback?code=01HZ&state=" + fuzzState)
	f.Add("127.0.0.1:4242/callback?code=01HZ&state=" + fuzzState)
	f.Add("?code=01HZ&state=" + fuzzState)
	f.Add("code=01HZ&state=" + fuzzState)
	f.Add("  http://localhost:4242/callback?code=x&state=" + fuzzState + "  \n")
	f.Add("https://attacker.example/callback?code=x&state=" + fuzzState)
	f.Add("http://[::1]:4242/callback?error=access_denied&state=" + fuzzState)
	f.Add("%")
	f.Fuzz(func(t *testing.T, raw string) {
		c := fuzzCallbackServer()
		err := c.submit(raw)
		if err != nil {
			if len(strings.TrimSpace(raw)) >= 24 && strings.Contains(err.Error(), strings.TrimSpace(raw)) {
				t.Fatalf("the error repeats the pasted address: %v", err)
			}
			if len(c.callbacks) != 0 {
				t.Fatal("a refused paste delivered a callback")
			}
			return
		}
		cb := <-c.callbacks
		if cb.state != fuzzState || (cb.code == "" && cb.errCode == "") || cb.reply != nil {
			t.Fatalf("accepted %q as %+v", raw, cb)
		}
		if c.submit(raw) == nil {
			t.Fatal("the same paste accepted twice")
		}
	})
}
