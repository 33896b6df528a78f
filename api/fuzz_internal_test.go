package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Fuzz targets of what the API sends back. Seeds: f.Add below plus testdata/fuzz/<FuzzName>/.
// scripts/test.sh runs each for a fixed count of inputs (FUZZTIME overrides it); by hand:
// go test -run='^$' -fuzz='^FuzzErrorBody$' -fuzztime=5m ./api

// Any error answer — JSON of either shape, a proxy's HTML, an empty body — becomes an *Error that keeps
// the HTTP status and says it, and the classifiers answer without panicking.
func FuzzErrorBody(f *testing.F) {
	f.Add(400, "", []byte(`{"status":400,"code":"invalid_argument","message":"Invalid argument","fields":[{"field":"name","description":"is taken"}]}`))
	f.Add(403, "", []byte(`{"status":403,"code":"forbidden","message":"Account is locked"}`))
	f.Add(401, "", []byte(`{"status":401,"code":"unauthenticated","message":"Token rejected"}`))
	f.Add(429, "3", []byte("<html><body>Too Many Requests</body></html>"))
	f.Add(503, "Wed, 21 Oct 2015 07:28:00 GMT", []byte(""))
	f.Add(500, "-1", []byte(`{"status":"500","fields":{"field":1}}`))
	f.Add(404, "99999999999999999999", []byte(`null`))
	f.Add(404, "", []byte(`{"code":5,"message":"app not found","details":[{"@type":"type.googleapis.com/google.rpc.ResourceInfo"}]}`))
	f.Fuzz(func(t *testing.T, status int, retryAfterHeader string, body []byte) {
		h := http.Header{}
		h.Set("Retry-After", retryAfterHeader)
		e := parseError(http.MethodGet, "/v1/projects", status, h, body)
		if e.Status != status || e.Method != http.MethodGet || e.Path != "/v1/projects" {
			t.Fatalf("parsed %+v", e)
		}
		// A Retry-After over ~9.2e9 seconds once overflowed time.Duration (seed retry-after-overflow).
		if e.RetryAfter < 0 || e.RetryAfter > MaxRetryAfter {
			t.Fatalf("Retry-After %q read as %v", retryAfterHeader, e.RetryAfter)
		}
		msg := e.Error()
		if !strings.Contains(msg, fmt.Sprintf("(HTTP %d on GET /v1/projects)", status)) {
			t.Fatalf("message %q does not say the status", msg)
		}
		if !json.Valid(body) && (e.Code != "" || e.Message != "" || len(e.Fields) != 0) {
			t.Fatalf("a non-JSON body filled in %+v", e)
		}
		for _, classify := range []func(error) bool{IsUnauthenticated, IsSessionRevoked, IsAccountLocked,
			IsOrgDeactivated, IsNotFound, IsRateLimited, IsServerError, IsValidation} {
			_ = classify(e)
		}
		for _, fe := range e.Fields {
			if _, ok := e.FieldError(fe.Field); !ok {
				t.Fatalf("FieldError(%q) not found", fe.Field)
			}
		}
	})
}

// Any list answer decodes into every list reply, or fails with an error; what decodes re-encodes, and
// the encoding is stable after one round (enums, service_count as a string, times). One round, not zero:
// an explicit "" enum decodes as "" (omitted when written) while an omitted one gets the zero value.
func FuzzListDecoding(f *testing.F) {
	f.Add([]byte(`{"organizations":[{"id":"o1","name":"acme","external_id":"org_acme","status":"ACTIVE"}],"limit":100,"offset":0,"has_next":true}`))
	f.Add([]byte(`{"members":[{"id":"m1","role":"owner","status":"ACTIVE","user":{"id":"u1","email":"a@example.com"}}],"count":"1"}`))
	f.Add([]byte(`{"invitations":[{"id":"i1","email":"b@example.com","status":"PENDING","organization":{"name":"acme"},"expires_at":"2026-01-01T00:00:00Z"}],"count":1}`))
	f.Add([]byte(`{"projects":[{"id":"p1","name":"default","service_count":"3","created_at":""}],"limit":100}`))
	f.Add([]byte(`{"projects":[{"service_count":7}],"organizations":null,"members":{}}`))
	f.Add([]byte(``))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, newReply := range []func() any{
			func() any { return new(ListUserOrganizationsReply) },
			func() any { return new(ListOrganizationMembersReply) },
			func() any { return new(ListOrganizationInvitationsReply) },
			func() any { return new(ListProjectsReply) },
		} {
			first := newReply()
			if decode(body, first) != nil {
				continue
			}
			once, err := json.Marshal(first)
			if err != nil {
				continue // e.g. a time past year 9999 decodes but cannot be written back
			}
			twice := reencode(t, once, newReply())
			if thrice := reencode(t, twice, newReply()); !bytes.Equal(twice, thrice) {
				t.Fatalf("%T: encoding not stable:\n%s\n%s", first, twice, thrice)
			}
		}
	})
}

// reencode decodes data (the package's own encoding, so it must decode) into v and encodes it again.
func reencode(t *testing.T, data []byte, v any) []byte {
	t.Helper()
	if err := decode(data, v); err != nil {
		t.Fatalf("%T: own encoding %s does not decode: %v", v, data, err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T: %v", v, err)
	}
	return out
}
