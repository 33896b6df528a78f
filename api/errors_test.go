package api_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

func TestNotFoundIsClassifiedAndDropsTheCachedEntry(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cx := ctx(t)
	org := must(e.client.GetCurrentOrganization(cx))
	must(e.client.GetProject(cx, org.DefaultProjectID))
	// The project is cached; a 404 on revalidation must drop it.
	e.fault(fault{Method: "GET", Path: "/v1/projects/" + org.DefaultProjectID, Status: 404,
		Body: `{"status":404,"code":"not_found","message":"Project not found"}`, ContentType: "application/json", Count: 1})
	_, err := e.client.GetProject(api.Revalidate(cx), org.DefaultProjectID)
	if !api.IsNotFound(err) {
		t.Fatalf("err = %v, want not found", err)
	}
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Code != "not_found" || ae.Message != "Project not found" {
		t.Errorf("error = %#v", ae)
	}
	if _, err := e.client.GetProject(api.CacheOnly(cx), org.DefaultProjectID); !errors.Is(err, api.ErrNotCached) {
		t.Errorf("cached after 404: %v", err)
	}
	if _, err := e.client.GetProject(cx, "00000000-0000-0000-0000-000000000000"); !api.IsNotFound(err) {
		t.Errorf("unknown project: %v", err)
	}
}

func TestRateLimitWithNonJSONBodyBacksOffAndSaysSo(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.clearRequests()
	e.fault(fault{Method: "GET", Path: "/v1/account/profile", Status: 429, Body: "<html>slow down</html>",
		ContentType: "text/html", Count: 2})
	me, err := e.client.GetCurrentUser(ctx(t))
	if err != nil || me.Email != "alice@example.com" {
		t.Fatalf("GetCurrentUser after two 429s: %v %+v", err, me)
	}
	if n := e.count("GET", "/v1/account/profile"); n != 3 {
		t.Errorf("%d requests, want 3 (two 429s, then the answer)", n)
	}
	notes := e.notes.all()
	if len(notes) != 2 || !notes[0].RateLimited || !strings.Contains(notes[0].String(), "rate limited") {
		t.Errorf("notices = %+v", notes)
	}
}

func TestRateLimitOnAWriteIsNotRetriedAndSaysSo(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.clearRequests()
	e.fault(fault{Method: "POST", Path: "/v1/organization_invitations", Status: 429, Body: "Too Many Requests",
		ContentType: "text/plain", Count: 1})
	_, err := e.client.CreateOrganizationInvitation(ctx(t), "carol@example.com")
	if !api.IsRateLimited(err) || !strings.Contains(err.Error(), "rate limited") {
		t.Fatalf("err = %v, want rate limited", err)
	}
	if n := e.count("POST", "/v1/organization_invitations"); n != 1 {
		t.Errorf("%d POSTs, want 1 (writes are never retried)", n)
	}
}

func TestServerErrorThenSuccessIsRetriedForReadsOnly(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.clearRequests()
	e.fault(fault{Method: "GET", Path: "/v1/projects", Status: 500,
		Body: `{"status":500,"code":"internal","message":"boom"}`, ContentType: "application/json", Count: 1})
	if _, err := e.client.ListProjects(ctx(t), api.ListProjectsParams{}); err != nil {
		t.Fatalf("ListProjects after one 500: %v", err)
	}
	if n := e.count("GET", "/v1/projects"); n != 2 {
		t.Errorf("%d GETs, want 2", n)
	}

	e.fault(fault{Method: "POST", Path: "/v1/projects", Status: 503, Count: 1,
		Body: `{"status":503,"code":"unavailable","message":"try later"}`, ContentType: "application/json"})
	_, err := e.client.CreateProject(ctx(t), api.CreateProjectRequest{Name: "x"})
	if !api.IsServerError(err) {
		t.Fatalf("err = %v, want a server error", err)
	}
	if n := e.count("POST", "/v1/projects"); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}

	e.fault(fault{Method: "GET", Path: "/v1/account/profile", Status: 502, Count: 0,
		Body: `{"status":502,"code":"bad_gateway","message":"upstream"}`, ContentType: "application/json"})
	_, err = e.client.GetCurrentUser(ctx(t))
	if !api.IsServerError(err) {
		t.Fatalf("err = %v", err)
	}
	if n := e.count("GET", "/v1/account/profile"); n != 4 {
		t.Errorf("%d GETs, want 4 (the first and three retries)", n)
	}
}

func TestConnectionResetIsRetriedForReads(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.fault(fault{Method: "GET", Path: "/v1/account/organizations", Reset: true, Count: 2})
	r, err := e.client.ListUserOrganizations(ctx(t), api.ListUserOrganizationsParams{})
	if err != nil || len(r.Organizations) == 0 {
		t.Fatalf("after two resets: %v", err)
	}
	var sawNetwork bool
	for _, n := range e.notes.all() {
		sawNetwork = sawNetwork || (!n.RateLimited && api.IsNetworkError(n.Err))
	}
	if !sawNetwork {
		t.Errorf("no network-error retry notice: %+v", e.notes.all())
	}
}

func TestTokenRejectedIsTheDeactivatedOrganization(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.switchTo("org_initech") // deactivated in the demo seed
	_, err := e.client.GetCurrentOrganization(ctx(t))
	if !api.IsOrgDeactivated(err) {
		t.Fatalf("err = %v, want Token rejected", err)
	}
	if api.IsSessionRevoked(err) {
		t.Error("a deactivated organization read as a revoked session")
	}
	if _, err := e.client.ListProjects(ctx(t), api.ListProjectsParams{}); !api.IsOrgDeactivated(err) {
		t.Errorf("ListProjects: %v", err)
	}
}

func TestAccountLockedIsNotARevokedSession(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.hook(http.MethodPost, "accounts/lock", map[string]any{"email": "alice@example.com"})
	_, err := e.client.GetCurrentOrganization(ctx(t))
	if !api.IsAccountLocked(err) || api.IsSessionRevoked(err) {
		t.Fatalf("err = %v: locked=%v revoked=%v", err, api.IsAccountLocked(err), api.IsSessionRevoked(err))
	}
}

func TestRevokedSessionShowsOnTheCurrentOrganization(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	_, err := e.client.GetCurrentOrganization(ctx(t))
	if !api.IsSessionRevoked(err) {
		t.Fatalf("err = %v, want revoked", err)
	}
	// Elsewhere a 403 is just forbidden: only that path is the session check.
	if api.IsSessionRevoked(&api.Error{Status: 403, Path: "/v1/projects"}) {
		t.Error("a 403 elsewhere read as revoked")
	}
}

func TestUnauthenticated(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.tokens.access = "not-a-token"
	_, err := api.New(e.srv.APIURL, &http.Client{Transport: bearer{tk: e.tokens, base: http.DefaultTransport}}).
		GetCurrentUser(ctx(t))
	if !api.IsUnauthenticated(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestValidationErrorsCarryTheirFields(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	_, err := e.client.CreateOrganizationInvitation(ctx(t), "not-an-email")
	var ae *api.Error
	if !api.IsValidation(err) || !errors.As(err, &ae) {
		t.Fatalf("err = %v", err)
	}
	if d, ok := ae.FieldError("email"); !ok || d == "" {
		t.Errorf("no email field error in %+v", ae.Fields)
	}
	if !strings.Contains(err.Error(), "email:") {
		t.Errorf("message does not name the field: %v", err)
	}
}

// The gateway answers what it maps itself as a google.rpc.Status: an integer
// code, a message and details. Its text is kept, and the classifiers go by
// the HTTP status.
func TestGoogleRPCStatusBodiesKeepTheirText(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.plainClient() // the spec declares {status, code, message} for these statuses: off the contract on purpose
	cases := []struct {
		status     int
		body       string
		is         func(error) bool
		code, text string
	}{
		{404, `{"code":5,"message":"app not found","details":[{"@type":"type.googleapis.com/google.rpc.ResourceInfo","resource_name":"a1"}]}`,
			api.IsNotFound, "not_found", "app not found"},
		{403, `{"code":7,"message":"Token rejected","details":[]}`, api.IsOrgDeactivated, "permission_denied", "Token rejected"},
		{503, `{"code":14,"message":"upstream connect error"}`, api.IsServerError, "unavailable", "upstream connect error"},
	}
	for _, tc := range cases {
		e.fault(fault{Method: "GET", Path: "/v1/apps", Status: tc.status, Body: tc.body, Count: 4})
		_, err := c.ListApps(ctx(t), api.ListAppsParams{})
		var ae *api.Error
		if !tc.is(err) || !errors.As(err, &ae) || ae.Code != tc.code || ae.Message != tc.text ||
			!strings.Contains(err.Error(), tc.text) {
			t.Errorf("HTTP %d %s: %v (%+v)", tc.status, tc.body, err, ae)
		}
		e.hook(http.MethodDelete, "faults", nil)
	}
	e.fault(fault{Method: "GET", Path: "/v1/apps", Status: 404, Body: tc404, Count: 1})
	_, err := c.ListApps(ctx(t), api.ListAppsParams{})
	var ae *api.Error
	if !errors.As(err, &ae) || ae.GRPCCode != 5 || len(ae.Details) != 1 {
		t.Errorf("details lost: %+v", ae)
	}
}

const tc404 = `{"code":5,"message":"app not found","details":[{"@type":"type.googleapis.com/google.rpc.ResourceInfo"}]}`
