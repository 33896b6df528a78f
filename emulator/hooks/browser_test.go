package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// What a web page can make the user's browser send to the emulator during `panel demo` is refused, and
// changes nothing; what tests and scripts send (JSON, no Origin, a loopback Host) works.
func TestHooksRefuseWhatABrowserPageCanSend(t *testing.T) {
	srv := emutest.Start(t, emulator.Options{})
	c := emutest.NewClient(t, srv)
	refused := []struct {
		name        string
		method      string
		path        string
		body        string
		contentType string
		header      map[string]string
		host        string
		want        int
	}{
		{"JSON with an Origin", "POST", "/_emulator/latency", `{"latency":"1h"}`, "application/json",
			map[string]string{"Origin": "https://evil.example"}, "", http.StatusForbidden},
		{"null Origin (sandboxed page)", "POST", "/_emulator/sessions/revoke", `{"email":"alice@example.com"}`,
			"application/json", map[string]string{"Origin": "null"}, "", http.StatusForbidden},
		{"read with an Origin", "GET", "/_emulator/sessions", "", "",
			map[string]string{"Origin": "http://127.0.0.1:1"}, "", http.StatusForbidden},
		{"delete with an Origin", "DELETE", "/_emulator/faults", "", "",
			map[string]string{"Origin": "https://evil.example"}, "", http.StatusForbidden},
		{"text/plain form POST", "POST", "/_emulator/latency", `{"latency":"1h"}`, "text/plain", nil, "",
			http.StatusUnsupportedMediaType},
		{"text/plain with JSON smuggled in a form field", "POST", "/_emulator/sessions/revoke",
			`{"email":"alice@example.com","x":"="}`, "text/plain;charset=UTF-8", nil, "", http.StatusUnsupportedMediaType},
		{"urlencoded form POST", "POST", "/_emulator/accounts/lock", "email=alice%40example.com",
			"application/x-www-form-urlencoded", nil, "", http.StatusUnsupportedMediaType},
		{"multipart form POST", "POST", "/_emulator/latency", "--b\r\n\r\n--b--", "multipart/form-data; boundary=b",
			nil, "", http.StatusUnsupportedMediaType},
		{"no content type", "POST", "/_emulator/latency", `{"latency":"1h"}`, "", nil, "", http.StatusUnsupportedMediaType},
		{"JSON-looking type", "POST", "/_emulator/latency", `{"latency":"1h"}`, "application/json-patch+json", nil, "",
			http.StatusUnsupportedMediaType},
		{"DNS rebinding Host", "GET", "/_emulator/sessions", "", "", nil, "evil.example:80", http.StatusForbidden},
		{"DNS rebinding Host, JSON", "POST", "/_emulator/latency", `{"latency":"1h"}`, "application/json", nil,
			"rebind.evil.example", http.StatusForbidden},
	}
	c.SignIn(nil)
	sessions := len(srv.State().Sessions())
	for _, r := range refused {
		req, err := http.NewRequest(r.method, srv.URL+r.path, strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		if r.contentType != "" {
			req.Header.Set("Content-Type", r.contentType)
		}
		for k, v := range r.header {
			req.Header.Set(k, v)
		}
		if r.host != "" {
			req.Host = r.host
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != r.want {
			t.Errorf("%s: %d, want %d", r.name, res.StatusCode, r.want)
		}
	}
	if srv.Controls().Latency() != 0 {
		t.Error("a refused request set the latency")
	}
	for _, s := range srv.State().Sessions() {
		if s.Revoked {
			t.Error("a refused request revoked a session")
		}
	}
	if got := len(srv.State().Sessions()); got != sessions {
		t.Errorf("sessions: %d, want %d", got, sessions)
	}

	// What the tests, the benchmark and scripts send.
	ok(t, c.PostJSON("/_emulator/latency", map[string]string{"latency": "0s"}))
	ok(t, c.Do(http.MethodPost, "/_emulator/settings", strings.NewReader(`{}`), "application/json; charset=utf-8"))
	ok(t, c.Get("/_emulator/sessions", nil))
	ok(t, c.Do(http.MethodDelete, "/_emulator/requests", nil, ""))
	for _, host := range []string{"localhost", "127.0.0.1:9", "[::1]:9", "LOCALHOST:1"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/_emulator/latency", nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("Host %s: %d", host, res.StatusCode)
		}
	}
}
