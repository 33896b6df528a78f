package hooks_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/panel-dev/panel/emulator/internal/emutest"
)

func TestFaultsFireCountTimesThenClear(t *testing.T) {
	c := client(t)
	jwks := "/sso/jwks/" + c.Srv.ClientID
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"method": "GET", "path": jwks, "status": 503,
		"body": `{"code":"unavailable"}`, "count": 1}))
	resp := c.Get(jwks, nil)
	if resp.StatusCode != 503 || string(resp.Body) != `{"code":"unavailable"}` || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("fault: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Body)
	}
	if resp := c.Get(jwks, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("a count-1 fault fired twice: %d", resp.StatusCode)
	}

	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"path": "/sso/jwks/*", "status": 429, "body": "slow down", "count": 0}))
	for range 3 {
		if resp := c.Get(jwks, nil); resp.StatusCode != 429 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Fatalf("until-cleared fault: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp := c.PostJSON("/_emulator/faults", map[string]any{"path": ""}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("fault without path: %d", resp.StatusCode)
	}
	if armed := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/faults", nil).Body); len(armed) != 1 {
		t.Fatalf("armed faults = %v", armed)
	}
	if resp := c.Do(http.MethodDelete, "/_emulator/faults", nil, ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("clear: %d", resp.StatusCode)
	}
	if resp := c.Get(jwks, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("after clearing: %d", resp.StatusCode)
	}
}

func TestFaultMethodMustMatchAndDelayOnlyPassesThrough(t *testing.T) {
	c := client(t)
	jwks := "/sso/jwks/" + c.Srv.ClientID
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"method": "POST", "path": jwks, "status": 500, "count": 1}))
	if resp := c.Get(jwks, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("a POST fault hit a GET: %d", resp.StatusCode)
	}
	ok(t, c.Do(http.MethodDelete, "/_emulator/faults", nil, ""))
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"path": jwks, "delay": "30ms", "count": 1}))
	if resp := c.Get(jwks, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("delay-only fault: %d", resp.StatusCode)
	}
	log := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/requests", nil).Body)
	if d := log[len(log)-1]["duration_ms"].(float64); d < 30 {
		t.Fatalf("the delayed request took %vms", d)
	}
	if resp := c.PostJSON("/_emulator/faults", map[string]any{"path": jwks, "delay": "soon"}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad delay: %d", resp.StatusCode)
	}
}

func TestFaultResetClosesTheConnection(t *testing.T) {
	c := client(t)
	jwks := "/sso/jwks/" + c.Srv.ClientID
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"path": jwks, "reset": true, "count": 1}))
	// A fresh connection: Go's transport silently retries an idempotent request on a reused one.
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := fresh.Get(c.Srv.URL + jwks)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("a reset fault answered %d", resp.StatusCode)
	}
	if resp := c.Get(jwks, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("after the reset: %d", resp.StatusCode)
	}
}

func TestLatencyAndRequestLog(t *testing.T) {
	c := client(t)
	ok(t, c.PostJSON("/_emulator/latency", map[string]string{"latency": "20ms"}))
	if got := emutest.Decode[map[string]string](t, c.Get("/_emulator/latency", nil).Body); got["latency"] != "20ms" {
		t.Fatalf("latency = %v", got)
	}
	if resp := c.PostJSON("/_emulator/latency", map[string]string{"latency": "fast"}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad latency: %d", resp.StatusCode)
	}
	ok(t, c.Do(http.MethodDelete, "/_emulator/requests", nil, ""))

	req, _ := http.NewRequest(http.MethodGet, c.Srv.URL+"/sso/jwks/"+c.Srv.ClientID+"?code=secret-code&x=1", nil)
	req.Header.Set("Authorization", "Bearer not-to-be-logged")
	req.Header.Set("X-Koyeb-Project-Id", "proj-1")
	if resp, err := c.HTTP.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	ok(t, c.PostJSON("/_emulator/latency", map[string]string{"latency": "0s"}))
	log := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/requests", nil).Body)
	if len(log) != 1 {
		t.Fatalf("log = %v (hooks must not be logged)", log)
	}
	e := log[0]
	q, _ := url.ParseQuery(e["query"].(string))
	if e["method"] != "GET" || e["status"].(float64) != 200 || e["project_header"] != "proj-1" ||
		q.Get("code") != "REDACTED" || q.Get("x") != "1" || e["duration_ms"].(float64) < 20 || e["time"] == "" {
		t.Fatalf("log entry = %v", e)
	}
}
