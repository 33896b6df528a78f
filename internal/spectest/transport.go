package spectest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
)

// RoundTripper validates every request sent and every response received
// through it against the spec, and records the operations it saw. Make one
// with Transport or Coverage.Transport.
type RoundTripper struct {
	t    testing.TB
	base http.RoundTripper
	own  *Coverage // operations seen by this transport
	cov  *Coverage // shared coverage, may be nil
}

// Transport wraps base (nil: http.DefaultTransport) so that every request to
// a /v1/ path and its response are validated; failures are reported with
// t.Errorf. Paths outside /v1/ (the WorkOS half, the emulator's hooks) are not
// part of this contract and pass through unchecked.
func Transport(t testing.TB, base http.RoundTripper) *RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &RoundTripper{t: t, base: base, own: NewCoverage()}
}

// Covered lists the operation ids this transport has seen, sorted.
func (rt *RoundTripper) Covered() []string { return rt.own.Covered() }

type uncheckedKey struct{}

// UncheckedRequest marks req as deliberately outside the contract (no token,
// an unknown enum value, a limit over 100...): the transport sends it without
// validating it, and still validates the response.
func UncheckedRequest(req *http.Request) *http.Request {
	return req.WithContext(context.WithValue(req.Context(), uncheckedKey{}, true))
}

// RoundTrip implements http.RoundTripper.
func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.HasPrefix(req.URL.Path, "/v1/") {
		return rt.base.RoundTrip(req)
	}
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		var err error
		body, err = io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	out := req.Clone(req.Context())
	out.Body, out.GetBody = http.NoBody, func() (io.ReadCloser, error) { return http.NoBody, nil }
	if len(body) > 0 {
		out.Body = io.NopCloser(bytes.NewReader(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	if req.Context().Value(uncheckedKey{}) == nil {
		ValidateRequest(rt.t, out, body)
	}
	resp, err := rt.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		// The body is the WebSocket connection: hand it back untouched.
		rt.record(ValidateResponse(rt.t, out, resp.StatusCode, resp.Header, nil))
		return resp, nil
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	rt.record(ValidateResponse(rt.t, out, resp.StatusCode, resp.Header, data))
	return resp, nil
}

func (rt *RoundTripper) record(operationID string) {
	rt.own.add(operationID)
	rt.cov.add(operationID)
}

// Coverage collects the operations seen by every transport made from it, so a
// test package can assert it exercised the whole contract (see Missing).
type Coverage struct {
	mu   sync.Mutex
	seen map[string]int
}

// NewCoverage returns an empty Coverage.
func NewCoverage() *Coverage { return &Coverage{seen: map[string]int{}} }

// Transport is like the package's Transport, and also records into c.
func (c *Coverage) Transport(t testing.TB, base http.RoundTripper) *RoundTripper {
	rt := Transport(t, base)
	rt.cov = c
	return rt
}

func (c *Coverage) add(operationID string) {
	if c == nil || operationID == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[operationID]++
}

// Covered lists the operation ids seen so far, sorted.
func (c *Coverage) Covered() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]string, 0, len(c.seen))
	for id := range c.seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Missing lists the spec's operation ids not seen yet, leaving out except
// (operations deliberately not served or not called), sorted.
func (c *Coverage) Missing(except ...string) []string {
	skip := map[string]bool{}
	for _, id := range except {
		skip[id] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var missing []string
	for _, id := range OperationIDs() {
		if c.seen[id] == 0 && !skip[id] {
			missing = append(missing, id)
		}
	}
	return missing
}
