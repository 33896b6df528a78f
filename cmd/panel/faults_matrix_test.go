package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The fault matrix: every API operation panel uses, the log tail stream and WorkOS's
// authenticate endpoint, each faulted through POST /_emulator/faults, each run through the command
// that uses it.

// faultCase is one way a server fails.
type faultCase struct {
	name string
	hook map[string]any // the fault's fields besides method, path and count
	says string         // a regexp: what stderr must say happened
	// retried: a read is retried after it (5xx, 429, no complete answer); malformed JSON is not.
	retried bool
}

var faultCases = []faultCase{
	{name: "500", hook: map[string]any{"status": 500, "content_type": "application/json",
		"body": `{"status":500,"code":"internal","message":"internal error"}`}, says: `HTTP 500`, retried: true},
	{name: "503", hook: map[string]any{"status": 503, "content_type": "text/plain",
		"body": "upstream unavailable"}, says: `HTTP 503`, retried: true},
	{name: "timeout", hook: map[string]any{"delay": "1h"}, says: `timed out`, retried: true},
	{name: "reset", hook: map[string]any{"reset": true}, says: `connection .*reset|closed the connection`, retried: true},
	{name: "malformed JSON", hook: map[string]any{"status": 200, "content_type": "application/json",
		"body": `{"id": "x", "name": `}, says: `not valid JSON|not the expected JSON`},
	{name: "429 not JSON", hook: map[string]any{"status": 429, "content_type": "text/html",
		"body": "<html><body><h1>429 Too Many Requests</h1></body></html>"}, says: `rate limited`, retried: true},
	{name: "slow body", hook: map[string]any{"status": 200, "content_type": "application/json",
		"body": `{"id": "x", "name": "y"}`, "body_delay": "1h"}, says: `timed out`, retried: true},
}

// sent is how often a faulted request may go out.
type sent int

const (
	sentOnce    sent = iota // writes (never retried) and refreshes outside a read
	sentRetried             // reads: 1 + 3 retries on a retryable fault, else once
	sentAny                 // a refresh under a read: retried with the read when the network failed
)

// operation is one row: what is faulted and the command that uses it (args gets the fault's index,
// so that each write has an object of its own).
type operation struct {
	name         string
	method, path string
	sent         sent
	args         func(ids []string, i int) []string
	setup        func(e *faultEnv) []string // ids the writes consume
	prepare      func(e *faultEnv)          // before each run (a refresh row expires the access token)
	until        string                     // a command that runs until interrupted is ended once stdout has this
	says         map[string]string          // per fault, instead of faultCase.says
	noRecovery   bool                       // not a read: the count-1 variant is the persistent one
	unretried    []string                   // faults this read does not retry (the stream's non-upgrade answers)
	bodyIgnored  bool                       // a write whose answer panel does not read: a 2xx is success whatever its body
	secretsInOut bool                       // `panel token` prints the access token: that is its job
}

func fixed(args ...string) func([]string, int) []string {
	return func([]string, int) []string { return args }
}

func withID(verb ...string) func([]string, int) []string {
	return func(ids []string, i int) []string { return append(append([]string(nil), verb...), ids[i]) }
}

func sentIDs(e *faultEnv) []string     { return e.ids("invitations", "list") }
func receivedIDs(e *faultEnv) []string { return e.ids("invitations", "received") }

var streamSays = map[string]string{
	"malformed JSON": `HTTP 200 instead of`, "slow body": `HTTP 200 instead of|timed out`,
}

var operations = []operation{
	{name: "ListUserOrganizations", method: "GET", path: "/v1/account/organizations", sent: sentRetried,
		args: fixed("orgs", "list")},
	{name: "GetCurrentOrganization", method: "GET", path: "/v1/account/organization", sent: sentRetried,
		args: fixed("status")},
	{name: "GetCurrentUser", method: "GET", path: "/v1/account/profile", sent: sentRetried,
		args: fixed("status")},
	// `projects use web` resolves a remembered name locally and reads that one project; the list is
	// `projects list`'s.
	{name: "ListProjects", method: "GET", path: "/v1/projects", sent: sentRetried,
		args: fixed("projects", "list")},
	{name: "GetProject", method: "GET", path: "/v1/projects/*", sent: sentRetried,
		args: fixed("projects", "list")},
	{name: "ListOrganizationInvitations", method: "GET", path: "/v1/organization_invitations", sent: sentRetried,
		args: fixed("invitations", "list")},
	{name: "ListUserOrganizationInvitations", method: "GET", path: "/v1/account/organization_invitations",
		sent: sentRetried, args: fixed("invitations", "received")},
	{name: "ListOrganizationMembers", method: "GET", path: "/v1/organization_members", sent: sentRetried,
		args: fixed("members", "list")},
	{name: "TailLogs (WebSocket)", method: "GET", path: "/v1/streams/logs/tail", sent: sentRetried,
		args: fixed("logs", "tail", "--service-id", "svc-web"), until: "\n", says: streamSays,
		unretried: []string{"malformed JSON", "slow body"}},
	{name: "CreateOrganization", method: "POST", path: "/v1/organizations", noRecovery: true,
		args: func(_ []string, i int) []string { return []string{"orgs", "create", fmt.Sprintf("faulted-%d", i)} }},
	{name: "CreateOrganizationInvitation", method: "POST", path: "/v1/organization_invitations", noRecovery: true,
		args: func(_ []string, i int) []string {
			return []string{"invitations", "send", fmt.Sprintf("guest-%d@example.com", i)}
		}},
	{name: "ResendOrganizationInvitation", method: "POST", path: "/v1/organization_invitations/*", noRecovery: true,
		setup: sentIDs, args: withID("invitations", "resend")},
	{name: "DeleteOrganizationInvitation", method: "DELETE", path: "/v1/organization_invitations/*", noRecovery: true,
		setup: sentIDs, args: withID("invitations", "revoke"), bodyIgnored: true},
	{name: "AcceptOrganizationInvitation", method: "POST", path: "/v1/account/organization_invitations/*",
		noRecovery: true, setup: receivedIDs, args: withID("invitations", "accept")},
	{name: "DeclineOrganizationInvitation", method: "POST", path: "/v1/account/organization_invitations/*",
		noRecovery: true, setup: receivedIDs, args: withID("invitations", "decline")},
	{name: "RemoveOrganizationMember", method: "DELETE", path: "/v1/organization_members/*", noRecovery: true,
		args: func(_ []string, i int) []string {
			return []string{"members", "remove", fmt.Sprintf("member-%d@example.com", i), "--yes"}
		}},
	{name: "CannyAuth", method: "POST", path: "/v1/sso/canny", noRecovery: true,
		args: fixed("sso", "canny", "--company-id", "c1", "--redirect", "https://feedback.example.com/b", "--print")},
	{name: "DiscourseAuth", method: "POST", path: "/v1/sso/discourse", noRecovery: true,
		setup: func(e *faultEnv) []string { _, _, link := discourseLink(e.t); return []string{link} },
		args:  func(ids []string, _ int) []string { return []string{"sso", "discourse", ids[0], "--print"} }},
	{name: "authenticate: refresh in panel token", method: "POST", path: "/user_management/authenticate",
		noRecovery: true, prepare: (*faultEnv).expireAccessTokens, args: fixed("token"), secretsInOut: true},
	{name: "authenticate: refresh under orgs list", method: "POST", path: "/user_management/authenticate",
		sent: sentAny, noRecovery: true, prepare: (*faultEnv).expireAccessTokens, args: fixed("orgs", "list")},
	// The held tokens expire first: a switch back with a valid one makes no refresh.
	{name: "authenticate: switch refresh", method: "POST", path: "/user_management/authenticate", noRecovery: true,
		prepare: (*faultEnv).expireAccessTokens,
		args:    func(_ []string, i int) []string { return []string{"orgs", "switch", []string{"globex", "acme"}[i%2]} }},
}

// matrixRows is how many operations run at once. The runs mostly wait (for the client's timeout), so more
// than -parallel's default (the CPUs) fit: subtests started from goroutines are not bound by it.
const matrixRows = 8

func TestFaultMatrixThroughTheCommands(t *testing.T) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, matrixRows)
	for _, op := range operations {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			t.Run(op.name, func(t *testing.T) { runOperation(t, op) })
		})
	}
	wg.Wait()
}

// runOperation runs every fault of faultCases against one operation, in order, on one emulator.
func runOperation(t *testing.T, op operation) {
	e := newFaultEnv(t)
	var ids []string
	if op.setup != nil {
		ids = op.setup(e)
	}
	for i, fc := range faultCases {
		t.Run(fc.name, func(t *testing.T) {
			parent := e.testEnv.t
			e.testEnv.t = t
			defer func() { e.testEnv.t = parent }()
			if slices.Contains(op.unretried, fc.name) {
				fc.retried = false
			}
			args := op.args(ids, i)
			e.persistentFault(op, fc, args)
			if fc.retried && !op.noRecovery {
				e.recoveringFault(op, fc, args)
			}
		})
	}
}

func (e *faultEnv) arm(op operation, fc faultCase, count int) {
	e.t.Helper()
	f := map[string]any{"method": op.method, "path": op.path, "count": count}
	for k, v := range fc.hook {
		f[k] = v
	}
	e.hook("faults", f)
}

func (e *faultEnv) prepare(op operation) {
	if op.prepare != nil {
		op.prepare(e)
	}
}

// persistentFault: the fault stays until cleared. The command fails with exit 1, says what happened,
// prints no token, leaves tokens and state as they were, sent the request as often as its kind allows;
// once the fault is cleared, the same command succeeds.
func (e *faultEnv) persistentFault(op operation, fc faultCase, args []string) {
	t := e.t
	t.Helper()
	e.prepare(op)
	before, secrets := e.snapshot(), e.secrets()
	e.arm(op, fc, 0)
	since := time.Now()
	r := e.run(op.until, args...)
	cmd := "panel " + strings.Join(args, " ")
	t.Logf("exit %d: %s", r.code, strings.TrimSpace(r.errOut[strings.LastIndex(strings.TrimSpace(r.errOut), "\n")+1:]))
	e.checkRun(cmd, r, secrets, op.secretsInOut)
	says := fc.says
	if s, ok := op.says[fc.name]; ok {
		says = s
	}
	if op.bodyIgnored && fc.name == "malformed JSON" {
		if r.code != exitOK {
			t.Errorf("%s answered 200 with a body it does not read: exit %d\n%s", cmd, r.code, r.errOut)
		}
	} else if r.code != exitFailure || !regexp.MustCompile(says).MatchString(r.errOut) {
		t.Errorf("%s under a persistent %s: exit %d (want 1), stderr does not match %q:\n%s%s",
			cmd, fc.name, r.code, says, r.out, r.errOut)
	} else if blamesWorkOS, isWorkOS := strings.Contains(r.errOut, "WorkOS"), strings.HasPrefix(op.path, "/user_"); blamesWorkOS != isWorkOS {
		t.Errorf("%s under %s blames the wrong server (the fault is on %s):\n%s", cmd, fc.name, op.path, r.errOut)
	}
	if after := e.snapshot(); !before.keptBy(after) {
		t.Errorf("%s under %s changed the local state:\nbefore %s\n%+v\nafter  %s\n%+v",
			cmd, fc.name, before.tokens, before.state, after.tokens, after.state)
	}
	e.checkSent(op, fc, cmd, since)
	e.deleteHook("faults")
	e.prepare(op)
	if r := e.run(op.until, args...); r.code != exitOK || r.hung {
		t.Errorf("%s after %s was cleared: exit %d (hung %v)\n%s%s", cmd, fc.name, r.code, r.hung, r.out, r.errOut)
	}
}

// recoveringFault: a read faulted once is retried and the command succeeds, saying it retried.
func (e *faultEnv) recoveringFault(op operation, fc faultCase, args []string) {
	t := e.t
	t.Helper()
	e.prepare(op)
	secrets := e.secrets()
	e.arm(op, fc, 1)
	r := e.run(op.until, args...)
	cmd := "panel " + strings.Join(args, " ")
	e.checkRun(cmd, r, secrets, op.secretsInOut)
	// A reset GET on a reused connection may be replayed by net/http itself, before the client's retry.
	saysRetry := fc.name == "reset" || regexp.MustCompile(`retry|retrying`).MatchString(r.errOut)
	if r.code != exitOK || !saysRetry {
		t.Errorf("%s with one %s: exit %d (want 0 after a retry that says so)\n%s%s", cmd, fc.name, r.code, r.out, r.errOut)
	}
	e.deleteHook("faults")
}

// checkRun: no hang, no crash, exit 1 not 4 (the session is not gone), no token in the output.
func (e *faultEnv) checkRun(cmd string, r runResult, secrets []string, tokenOnStdout bool) {
	t := e.t
	t.Helper()
	if r.hung {
		t.Errorf("%s hung (still running after %s)\n%s", cmd, runBound, r.errOut)
	}
	if r.code == exitNotSignedIn {
		t.Errorf("%s exited 4: a server fault is not a lost session\n%s", cmd, r.errOut)
	}
	if strings.Contains(r.errOut, "panic") || strings.Contains(r.errOut, "goroutine ") {
		t.Errorf("%s crashed:\n%s", cmd, r.errOut)
	}
	for _, s := range secrets {
		if strings.Contains(r.errOut, s) || (!tokenOnStdout && strings.Contains(r.out, s)) {
			t.Errorf("%s printed a token", cmd)
		}
	}
}

// checkSent: writes and refreshes went out once; reads 1 + 3 retries when the fault is retryable (a reset
// GET may be replayed once more by net/http on a reused connection).
func (e *faultEnv) checkSent(op operation, fc faultCase, cmd string, since time.Time) {
	t := e.t
	t.Helper()
	lo, hi := 1, 1
	switch {
	case op.sent == sentAny:
		lo, hi = 1, 8
	case op.sent == sentRetried && fc.retried && fc.name == "reset":
		lo, hi = 4, 8
	case op.sent == sentRetried && fc.retried:
		lo, hi = 4, 4
	}
	if n := e.requestsTo(op.method, op.path, since, lo); n < lo || n > hi {
		t.Errorf("%s under %s sent %s %s %d times, want %d..%d", cmd, fc.name, op.method, op.path, n, lo, hi)
	}
}
