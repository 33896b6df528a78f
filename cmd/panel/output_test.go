package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/termsafe"
)

// The output conventions through the real process with its stdout piped, as a script sees them; the
// terminal side is in output_tmux_test.go.

func TestPipedListsAreTabSeparatedRowsWithTheMarkLast(t *testing.T) {
	e := signedInProcess(t)                                  // alice
	e.hook("latency", map[string]string{"latency": "400ms"}) // longer than the spinner's delay
	out, errOut := e.mustRun("orgs", "list")
	e.hook("latency", map[string]string{"latency": "0s"})
	want := "acme\torg_acme\tACTIVE\tstartup\tcurrent\n" +
		"globex\torg_globex\tACTIVE\tpro\t\n" +
		"initech\torg_initech\tDEACTIVATED\thobby\t\n"
	if out != want {
		t.Fatalf("orgs list piped:\n%q\nwant\n%q", out, want)
	}
	if errOut != "" {
		t.Errorf("a piped command wrote to stderr (a spinner?): %q", errOut)
	}
	var first []string // what `awk '{print $1}'` prints
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		first = append(first, strings.Fields(line)[0])
	}
	if strings.Join(first, ",") != "acme,globex,initech" {
		t.Errorf("first fields = %v", first)
	}
	// PANEL_FORCE_TTY asks for the terminal's form in a pipe, a number fitting it to that width.
	forced, _, code := e.run(e.environ("PANEL_FORCE_TTY=44", "NO_COLOR=1"), "", "orgs", "list")
	if code != 0 || !strings.HasPrefix(forced, "   NAME") || !strings.Contains(forced, "*  acme") || strings.Contains(forced, "\t") {
		t.Errorf("PANEL_FORCE_TTY=44: exit %d\n%s", code, forced)
	}
	for _, line := range strings.Split(strings.TrimSpace(forced), "\n") {
		if termsafe.Width(line) > 44 {
			t.Errorf("PANEL_FORCE_TTY=44: a line of %d columns: %q", termsafe.Width(line), line)
		}
	}
	out, _ = e.mustRun("members", "list")
	if !strings.HasPrefix(out, "alice@example.com\tAlice Anders\towner\tACTIVE\t2024-01-15T09:00:00Z\t") {
		t.Errorf("members list piped (email first, RFC 3339 times):\n%s", out)
	}
}

func TestExportFlagsOnEveryList(t *testing.T) {
	e := signedInProcess(t) // alice
	var orgs []map[string]any
	out, _ := e.mustRun("orgs", "list", "--json=name,status")
	if err := json.Unmarshal([]byte(out), &orgs); err != nil || len(orgs) != 3 || len(orgs[0]) != 2 || orgs[2]["status"] != "DEACTIVATED" {
		t.Fatalf("--json=name,status: %v\n%s", err, out)
	}
	if out, _ := e.mustRun("orgs", "list", "--jq", `.[] | select(.status == "ACTIVE") | .name`); out != "acme\nglobex\n" {
		t.Errorf("--jq: %q", out)
	}
	if out, _ := e.mustRun("orgs", "list", "--template", `{{range .}}{{.name}}={{.plan}} {{end}}`); out != "acme=startup globex=pro initech=hobby " {
		t.Errorf("--template: %q", out)
	}
	if out, _ := e.mustRun("projects", "list", "--jq", "map(.name) | join(\",\")"); out != "default,web,data\n" {
		t.Errorf("projects --jq: %q", out)
	}
	if out, _ := e.mustRun("services", "list", "--template", `{{range .}}{{tablerow .name .status}}{{end}}`); !strings.HasPrefix(out, "web\tHEALTHY\nworker\tHEALTHY\n") {
		t.Errorf("services --template tablerow piped: %q", out)
	}
	if out, _ := e.mustRun("invitations", "list", "--json=email"); !strings.Contains(out, `"email": "dave@example.com"`) {
		t.Errorf("invitations --json=email: %s", out)
	}
	if out, _ := e.mustRun("members", "list", "--jq", ".[].user.email"); out != "alice@example.com\nbob@example.com\n" {
		t.Errorf("members --jq: %q", out)
	}
	out, errOut, code := e.run(e.environ(), "", "orgs", "list", "--json=name,nope")
	if code != exitFailure || out != "" || !strings.Contains(errOut, `unknown JSON field "nope"`) ||
		!strings.Contains(errOut, "Available fields:\n  id\n  external_id\n  name\n") {
		t.Errorf("unknown field: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := e.run(e.environ(), "", "orgs", "list", "--jq", ".[] |"); code != exitFailure || !strings.Contains(errOut, "invalid --jq") {
		t.Errorf("bad --jq: exit %d %s", code, errOut)
	}
}

func TestStatusJSONInEveryState(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	type report struct {
		SignedIn     *bool `json:"signed_in"`
		User         *struct{ Email string }
		Organization *struct {
			ExternalID string `json:"external_id"`
			Status     string
		}
		Session *struct{ Storage string }
	}
	status := func(wantCode int) report {
		t.Helper()
		out, errOut, code := e.run(e.environ(), "", "status", "--json")
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil || code != wantCode || r.SignedIn == nil {
			t.Fatalf("status --json: exit %d (want %d), %v\n%s%s", code, wantCode, err, out, errOut)
		}
		return r
	}
	if r := status(exitNotSignedIn); *r.SignedIn || r.User != nil || r.Session != nil {
		t.Errorf("signed out: %+v", r)
	}
	e.mustRun("login", "--email", "alice@example.com")
	if r := status(exitOK); !*r.SignedIn || r.Organization.ExternalID != "org_acme" || r.Session.Storage != "file" {
		t.Errorf("signed in: %+v", r)
	}
	e.mustRun("orgs", "switch", "initech")
	if r := status(exitOK); r.Organization == nil || r.Organization.Status != "DEACTIVATED" || r.Organization.ExternalID != "org_initech" ||
		r.User == nil || r.User.Email != "alice@example.com" {
		t.Errorf("deactivated organization: %+v", r)
	}
	e.hook("sessions/revoke", map[string]string{"email": "alice@example.com"})
	if r := status(exitNotSignedIn); *r.SignedIn {
		t.Errorf("revoked: %+v", r)
	}
}

func TestNamesWhereIDsWere(t *testing.T) {
	e := signedInProcess(t) // alice
	if out, errOut := e.mustRun("invitations", "revoke", "DAVE@example.com"); !strings.Contains(out, "Revoked invitation") {
		t.Errorf("revoke by email:\n%s%s", out, errOut)
	}
	if out, _ := e.mustRun("invitations", "list", "--json"); out != "[]\n" {
		t.Errorf("dave's invitation is still pending: %s", out)
	}
	e.mustRun("orgs", "list") // the organizations last seen, for --organization-id by name
	if out, _ := e.mustRun("--organization-id", "globex", "projects", "list", "--jq", ".[].name"); out != "default\napi\n" {
		t.Errorf("--organization-id globex: %q", out)
	}
	if _, errOut, code := e.run(e.environ(), "", "--organization-id", "nope", "projects", "list"); code != exitFailure ||
		!strings.Contains(errOut, `"nope"`) {
		t.Errorf("--organization-id nope: exit %d %s", code, errOut)
	}
	if out, errOut := e.mustRun("invitations", "accept", "umbrella"); !strings.Contains(out, "Accepted the invitation to umbrella") {
		t.Errorf("accept by organization name:\n%s%s", out, errOut)
	}
}

func TestCompletionFromTheLocalStoreWithoutNetwork(t *testing.T) {
	e := signedInProcess(t) // alice
	for _, args := range [][]string{{"orgs", "list"}, {"projects", "list"}, {"services", "list"}, {"members", "list"},
		{"invitations", "list"}, {"invitations", "received"}} {
		e.mustRun(args...)
	}
	e.clearRequests()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"orgs", "switch", ""}, "acme\torg_acme\nglobex\torg_globex\ninitech\torg_initech\n"},
		{[]string{"orgs", "switch", "gl"}, "globex\torg_globex\n"},
		{[]string{"--organization-id", "in"}, "initech\torg_initech\n"},
		{[]string{"projects", "use", ""}, "default\nweb\ndata\n"},
		{[]string{"logs", "tail", ""}, "web\tstorefront\nworker\tstorefront\n"},
		{[]string{"members", "remove", "b"}, "bob@example.com\tmember\n"},
		{[]string{"invitations", "revoke", ""}, "dave@example.com\n"},
		{[]string{"invitations", "accept", ""}, "umbrella\n"},
		{[]string{"orgs", "list", "--json=na"}, "name\n"},
	} {
		start := time.Now()
		out, _ := e.mustRun(append([]string{"__complete"}, c.args...)...)
		took := time.Since(start)
		got, _, _ := strings.Cut(out, ":")
		if got != c.want {
			t.Errorf("__complete %q:\n%q\nwant\n%q", c.args, got, c.want)
		}
		t.Logf("__complete %s: %v (the test binary, started as panel)", strings.Join(c.args, " "), took)
	}
	res, err := http.Get(e.srv.URL + "/_emulator/requests")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var reqs []any
	if err := json.NewDecoder(res.Body).Decode(&reqs); err != nil || len(reqs) != 0 {
		t.Errorf("completion made %d requests (%v): %v", len(reqs), err, reqs)
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if out, _ := e.mustRun("completion", shell); !strings.Contains(out, "__complete") {
			t.Errorf("the %s completion script does not ask panel __complete", shell)
		}
	}
}

// A project named as the last list showed it is read alone, not found by listing them all again.
func TestProjectsUseByARememberedNameReadsOneProject(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.ok("projects", "list")
	c.clearRequests()
	if out := c.ok("projects", "use", "web"); !strings.Contains(out, "Current project: web") {
		t.Fatalf("use web:\n%s", out)
	}
	for _, r := range c.requests() {
		if r.Method == http.MethodGet && r.Path == "/v1/projects" {
			t.Errorf("projects use listed the projects again: %+v", c.requests())
		}
	}
	if out := c.ok("projects", "use", "dta"); !strings.Contains(out, "Current project: data") {
		t.Errorf("a fuzzy name still goes through the list:\n%s", out)
	}
}
