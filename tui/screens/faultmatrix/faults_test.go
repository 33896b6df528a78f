package faultmatrix_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

// requestTimeout is the API client's timeout in these tests; a timeout fault waits longer.
const requestTimeout = 500 * time.Millisecond

// fastRetry keeps the read policy (3 retries) with a negligible backoff.
var fastRetry = api.Retry{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond}

// fault is one way the API fails, and what the screen must then say (lower case, spaces collapsed).
type fault struct {
	name string
	hook map[string]any
	says string
}

var faults = []fault{
	{"500", map[string]any{"status": 500, "content_type": "application/json",
		"body": `{"status":500,"code":"internal","message":"internal error"}`}, "http 500"},
	{"503", map[string]any{"status": 503, "content_type": "text/plain", "body": "upstream unavailable"}, "http 503"},
	{"timeout", map[string]any{"delay": "1h"}, "timed out"},
	{"reset", map[string]any{"reset": true}, "reset"},
	{"malformed JSON", map[string]any{"status": 200, "content_type": "application/json", "body": `{"id": "x", "name": `},
		"not valid json"},
	{"429 not JSON", map[string]any{"status": 429, "content_type": "text/html",
		"body": "<html><body><h1>429 Too Many Requests</h1></body></html>"}, "http 429"},
	{"slow body", map[string]any{"status": 200, "content_type": "application/json", "body": `{"id": "x"}`,
		"body_delay": "1h"}, "timed out"},
}

// faults arms (or, with nil, clears) a fault on the emulator: method and path, until cleared.
func arm(t testing.TB, srv *emulator.Server, method, path string, f map[string]any) {
	t.Helper()
	var req *http.Request
	if f == nil {
		req, _ = http.NewRequest(http.MethodDelete, srv.URL+"/_emulator/faults", nil)
	} else {
		body := map[string]any{"method": method, "path": path, "count": 0}
		for k, v := range f {
			body[k] = v
		}
		b, _ := json.Marshal(body)
		req, _ = http.NewRequest(http.MethodPost, srv.URL+"/_emulator/faults", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json") // the hooks take JSON only
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode >= 300 {
		t.Fatalf("faults hook: HTTP %d", res.StatusCode)
	}
}

// flat is a frame in lower case with its lines joined and spaces collapsed, so a message wrapped over
// two lines still reads as one.
func flat(view string) string {
	return strings.ToLower(strings.Join(strings.Fields(view), " "))
}
