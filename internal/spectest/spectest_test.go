package spectest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// recorder captures what the helpers report instead of failing the test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestSpecLoadsEveryOperation(t *testing.T) {
	ids := OperationIDs()
	if len(ids) != 32 {
		t.Fatalf("OperationIDs() = %d ids, want 32: %v", len(ids), ids)
	}
}

func get(path string) *http.Request {
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1"+path, nil)
	req.Header.Set("Authorization", "Bearer x.y.z")
	return req
}

func jsonHeader() http.Header { return http.Header{"Content-Type": {"application/json"}} }

func TestValidateResponse(t *testing.T) {
	cases := []struct {
		name, path string
		status     int
		header     http.Header
		body       string
		wantErr    bool
	}{
		{"project", "/v1/projects/p1", 200, jsonHeader(), `{"project":{"id":"p1","service_count":"3","created_at":"2026-01-02T03:04:05Z"}}`, false},
		{"service_count as a number", "/v1/projects/p1", 200, jsonHeader(), `{"project":{"id":"p1","service_count":3}}`, true},
		{"misspelled field", "/v1/account/profile", 200, jsonHeader(), `{"user":{"id":"u","emial":"a@b.c"}}`, true},
		{"unknown enum", "/v1/account/organization", 200, jsonHeader(), `{"organization":{"status":"FINE"}}`, true},
		{"bad date", "/v1/account/organization", 200, jsonHeader(), `{"organization":{"plan_updated_at":"yesterday"}}`, true},
		{"400 with field descriptions", "/v1/projects/p1", 400, jsonHeader(), `{"status":400,"code":"invalid_argument","message":"bad","fields":[{"field":"name","description":"cannot be blank"}]}`, false},
		{"401 error", "/v1/projects/p1", 401, jsonHeader(), `{"status":401,"code":"authentication_error","message":"no"}`, false},
		{"undeclared 429 as text", "/v1/projects/p1", 429, http.Header{"Content-Type": {"text/plain"}}, `slow down`, false},
		{"undeclared 409 as Error", "/v1/projects/p1", 409, jsonHeader(), `{"status":409,"code":"conflict","message":"taken"}`, false},
		{"undeclared 409 with a numeric code", "/v1/projects/p1", 409, jsonHeader(), `{"status":409,"code":9}`, true},
		{"101 from a stream", "/v1/streams/logs/tail", 101, http.Header{}, ``, false},
		{"101 from a plain operation", "/v1/projects/p1", 101, http.Header{}, ``, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			ValidateResponse(rec, get(c.path), c.status, c.header, []byte(c.body))
			if got := len(rec.errs) > 0; got != c.wantErr {
				t.Errorf("error reported = %v (%v), want %v", got, rec.errs, c.wantErr)
			}
		})
	}
}

func TestValidateRequest(t *testing.T) {
	post := func(path, body string) *http.Request {
		req := get(path)
		req.Method = http.MethodPost
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		return req
	}
	noToken := get("/v1/account/profile")
	noToken.Header.Del("Authorization")
	socket := get("/v1/streams/logs/tail?service_id=s")
	socket.Header.Del("Authorization")
	socket.Header.Set("Upgrade", "websocket")
	socket.Header.Set("Sec-WebSocket-Protocol", "Bearer, x.y.z")
	cases := []struct {
		name    string
		req     *http.Request
		body    string
		wantID  string
		wantErr bool
	}{
		{"repeated statuses", get("/v1/account/organizations?statuses=ACTIVE&statuses=WARNING&limit=100"), "", "ListUserOrganizations", false},
		{"unknown status", get("/v1/account/organizations?statuses=FINE"), "", "ListUserOrganizations", true},
		{"no token", noToken, "", "GetCurrentUser", true},
		{"token as subprotocol", socket, "", "TailLogs", false},
		{"accept with no body", post("/v1/account/organization_invitations/i1/accept", ""), "", "AcceptOrganizationInvitation", false},
		{"accept with {}", post("/v1/account/organization_invitations/i1/accept", "{}"), "{}", "AcceptOrganizationInvitation", false},
		{"create organization", post("/v1/organizations", "x"), `{"name":"acme-2"}`, "CreateOrganization", false},
		{"create organization, misspelled", post("/v1/organizations", "x"), `{"nmae":"acme-2"}`, "CreateOrganization", true},
		{"not in the spec", get("/v1/deployments"), "", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			id := ValidateRequest(rec, c.req, []byte(c.body))
			if id != c.wantID {
				t.Errorf("operation = %q, want %q", id, c.wantID)
			}
			if got := len(rec.errs) > 0; got != c.wantErr {
				t.Errorf("error reported = %v (%v), want %v", got, rec.errs, c.wantErr)
			}
		})
	}
}

func TestValidateFrame(t *testing.T) {
	rec := &recorder{TB: t}
	ValidateFrame(rec, "TailLogs", []byte(`{"result":{"msg":"hello","created_at":"2026-01-02T03:04:05Z","labels":{"stream":"stdout"}}}`))
	ValidateFrame(rec, "TailLogs", []byte(`{"error":{"code":16,"message":"unauthenticated"}}`))
	if len(rec.errs) > 0 {
		t.Fatalf("valid frames reported: %v", rec.errs)
	}
	ValidateFrame(rec, "TailLogs", []byte(`{"result":{"message":"hello"}}`))
	ValidateFrame(rec, "GetCurrentUser", []byte(`{}`))
	if len(rec.errs) != 2 {
		t.Fatalf("invalid frames: %d reports, want 2: %v", len(rec.errs), rec.errs)
	}
}

func TestTransportValidatesAndRecords(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/v1/organizations" && string(body) == `{"name":"n"}`:
			io.WriteString(w, `{"organization":{"name":"n"}}`)
		case r.URL.Path == "/v1/account/profile":
			io.WriteString(w, `{"user":{"naem":"typo"}}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"status":404,"code":"not_found","message":"Not found"}`)
		}
	}))
	defer srv.Close()
	rec := &recorder{TB: t}
	cov := NewCoverage()
	client := &http.Client{Transport: cov.Transport(rec, nil)}

	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/organizations", strings.NewReader(`{"name":"n"}`))
	req.Header.Set("Authorization", "Bearer t")
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got, _ := io.ReadAll(resp.Body); string(got) != `{"organization":{"name":"n"}}` {
		t.Errorf("body after validation = %q: the transport must hand the body back", got)
	}
	if len(rec.errs) != 0 {
		t.Fatalf("valid exchange reported: %v", rec.errs)
	}

	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/v1/account/profile", nil)
	resp, err = client.Do(UncheckedRequest(req)) // no token, on purpose
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "naem") {
		t.Errorf("want exactly the misspelled response field reported, got %v", rec.errs)
	}

	resp, err = client.Get(srv.URL + "/_emulator/requests") // outside the contract
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := cov.Covered(); strings.Join(got, ",") != "CreateOrganization,GetCurrentUser" {
		t.Errorf("Covered() = %v", got)
	}
	if missing := cov.Missing(); len(missing) != 30 {
		t.Errorf("Missing() = %d ids, want 30", len(missing))
	}
}

func TestValidationIsSafeForConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				ValidateResponse(t, get("/v1/projects"), 200, jsonHeader(),
					[]byte(`{"projects":[{"id":"p","service_count":"1","created_at":"2026-01-02T03:04:05Z"}],"limit":10,"offset":0}`))
				ValidateRequest(t, get("/v1/account/organizations?statuses=ACTIVE&statuses=DELETED"), nil)
			}
		}()
	}
	wg.Wait()
}
