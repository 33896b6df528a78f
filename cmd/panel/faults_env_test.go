package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/store"
)

// The fault matrix's environment: an emulator of its own and a config dir of its own per operation, so
// the operations run in parallel; the configuration is handed to the Factory directly (no environment
// variables, which parallel tests cannot set).

// faultTimeout is the client's per-request timeout in these tests; runBound is how long any run may take
// before it counts as hung.
const (
	faultTimeout = time.Second
	runBound     = 30 * time.Second
)

// fastRetry keeps the read policy (3 retries) with a negligible backoff.
var fastRetry = api.Retry{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond}

type faultEnv struct {
	*testEnv
	cfg *config.Config
}

// faultSeed is the demo plus what the write operations consume, one per fault: acme's members
// member-N and pending invitations to pending-N, and organizations guild-N inviting alice.
func faultSeed() *seed.Seed {
	s := seed.Demo()
	for i := range 10 {
		email := fmt.Sprintf("member-%d@example.com", i)
		s.Users = append(s.Users, seed.User{Email: email, Password: "pw-" + email})
		acme := &s.Organizations[0]
		acme.Members = append(acme.Members, seed.Member{Email: email, Role: "member"})
		acme.Invitations = append(acme.Invitations, seed.Invitation{Email: fmt.Sprintf("pending-%d@example.com", i),
			Role: "member", Status: "PENDING", Inviter: "alice@example.com"})
		s.Organizations = append(s.Organizations, seed.Organization{
			Name: fmt.Sprintf("guild-%d", i), ExternalID: fmt.Sprintf("org_guild_%d", i), DefaultProject: "default",
			Members:     []seed.Member{{Email: "bob@example.com", Role: "owner"}},
			Invitations: []seed.Invitation{{Email: "alice@example.com", Role: "member", Inviter: "bob@example.com"}},
		})
	}
	return s
}

// newFaultEnv starts an emulator with the fault seed and signs alice in (tokens in the 0600 file).
func newFaultEnv(t *testing.T) *faultEnv {
	t.Helper()
	e := &faultEnv{testEnv: newTestEnv(t, emulator.Options{Seed: faultSeed()})}
	e.cfg = &config.Config{Dir: e.dir, Profile: config.DefaultProfile, ClientID: e.srv.ClientID,
		AuthURL: e.srv.AuthURL, APIURL: e.srv.APIURL, InsecureStorage: true, Source: map[string]string{}}
	e.signIn("alice@example.com")
	return e
}

func (e *faultEnv) factory(ctx context.Context, out, errOut *syncBuffer) *Factory {
	f := newFactory(ctx)
	f.IO = &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}
	f.Config = func() (*config.Config, error) { c := *e.cfg; return &c, nil }
	f.RequestTimeout = faultTimeout
	f.APIOptions = []api.Option{api.WithRetry(fastRetry)}
	return f
}

// signIn runs the browser sign-in with an HTTP client standing in for the browser.
func (e *faultEnv) signIn(email string) {
	e.t.Helper()
	ctx := testCtx(e.t)
	a, err := e.factory(ctx, &syncBuffer{}, &syncBuffer{}).App()
	if err != nil {
		e.t.Fatal(err)
	}
	login, err := a.Session.BeginBrowserLogin(ctx, auth.LoginOptions{Email: email, Timeout: runBound})
	if err != nil {
		e.t.Fatal(err)
	}
	defer login.Close()
	go func() {
		if res, err := http.Get(login.URL()); err == nil {
			res.Body.Close()
		}
	}()
	if _, err := login.Wait(ctx); err != nil {
		e.t.Fatalf("sign in %s: %v", email, err)
	}
}

// runResult is one command line run to its end.
type runResult struct {
	out, errOut string
	code        int
	hung        bool // the run outlived runBound
}

// run runs one command line in this process with a fresh Factory (as a new process would). until, when
// set, ends a command that runs until interrupted (logs tail) once stdout contains it.
func (e *faultEnv) run(until string, args ...string) runResult {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runBound)
	defer cancel()
	runCtx, interrupt := context.WithCancel(ctx)
	defer interrupt()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	f := e.factory(runCtx, out, errOut)
	done := make(chan int, 1)
	go func() {
		root := newRootCmd(f)
		root.SetArgs(args)
		root.SetOut(out)
		root.SetErr(errOut)
		done <- reportError(f.IO, root.ExecuteContext(runCtx))
	}()
	var code int
	if until == "" {
		code = <-done
	} else {
		code = waitOutput(done, out, until, interrupt)
	}
	return runResult{out: out.String(), errOut: errOut.String(), code: code, hung: ctx.Err() != nil}
}

// waitOutput interrupts the command once out contains until (Ctrl-C), and returns its exit code.
func waitOutput(done chan int, out *syncBuffer, until string, interrupt func()) int {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case code := <-done:
			return code
		case <-tick.C: // polling a condition; the run's own bound ends it otherwise
			if strings.Contains(out.String(), until) {
				interrupt()
				return <-done
			}
		}
	}
}

func (e *faultEnv) profileFile(name string) string {
	return filepath.Join(e.dir, "profiles", config.DefaultProfile, name)
}

// localState is what a failed command must leave as it was: the token file byte for byte, and the
// store's state (the time of the last successful check aside).
type localState struct {
	tokens []byte
	state  store.State
}

func (e *faultEnv) snapshot() localState {
	e.t.Helper()
	tokens, err := os.ReadFile(e.profileFile("tokens.json"))
	if err != nil {
		e.t.Fatalf("the token file: %v", err)
	}
	st, err := store.Open(filepath.Dir(e.profileFile("state.json")), nil).Load()
	if err != nil {
		e.t.Fatal(err)
	}
	return localState{tokens: tokens, state: st}
}

// keptBy reports whether after kept everything of s: the same tokens, the same choices (current
// projects, previous, recent and pinned organizations), and the last known user, organization and
// project still there (a read that did succeed may have filled in what was unknown: the last known
// ones, an organization's current project that was the default until then).
func (s localState) keptBy(after localState) bool {
	b, a := s.state, after.state
	for org, project := range b.CurrentProjects {
		if a.CurrentProjects[org] != project {
			return false
		}
	}
	if string(s.tokens) != string(after.tokens) || b.Version != a.Version || b.PreviousOrganization != a.PreviousOrganization ||
		!reflect.DeepEqual(b.RecentOrganizations, a.RecentOrganizations) ||
		!reflect.DeepEqual(b.PinnedOrganizations, a.PinnedOrganizations) {
		return false
	}
	return (b.Last.User == nil || reflect.DeepEqual(b.Last.User, a.Last.User)) &&
		(b.Last.Organization == nil || reflect.DeepEqual(b.Last.Organization, a.Last.Organization)) &&
		(b.Last.Project == nil || reflect.DeepEqual(b.Last.Project, a.Last.Project))
}

// secrets are the session's tokens as stored: no output may contain them.
func (e *faultEnv) secrets() []string {
	e.t.Helper()
	var d struct {
		Session struct {
			RefreshToken string `json:"refresh_token"`
		} `json:"session"`
		Access map[string]struct {
			Token string `json:"token"`
		} `json:"access_tokens"`
	}
	data, err := os.ReadFile(e.profileFile("tokens.json"))
	if err != nil || json.Unmarshal(data, &d) != nil || d.Session.RefreshToken == "" {
		e.t.Fatalf("no session stored: %v %s", err, data)
	}
	out := []string{d.Session.RefreshToken}
	for _, a := range d.Access {
		out = append(out, a.Token)
	}
	return out
}

// expireAccessTokens makes the next command refresh before its first call.
func (e *faultEnv) expireAccessTokens() {
	e.t.Helper()
	path := e.profileFile("tokens.json")
	data, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(data, &d); err != nil {
		e.t.Fatal(err)
	}
	access, _ := d["access_tokens"].(map[string]any)
	for _, a := range access {
		a.(map[string]any)["expires_at"] = time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	}
	data, _ = json.Marshal(d)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		e.t.Fatal(err)
	}
}

// requestsTo counts the logged requests of method to path (a trailing * matches a prefix) that arrived
// since then, waiting until at least min are there: the emulator logs a request when it has answered
// (a WebSocket when it closes), which may be after the client is done.
func (e *faultEnv) requestsTo(method, path string, since time.Time, min int) int {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := 0
		for _, r := range e.requestLog() {
			if r.Method == method && pathMatches(path, r.Path) && !r.Time.Before(since) {
				n++
			}
		}
		if n >= min || time.Now().After(deadline) {
			return n
		}
		time.Sleep(5 * time.Millisecond) // polling a condition with a deadline
	}
}

func pathMatches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return pattern == path
}

type loggedRequest struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Time   time.Time `json:"time"`
}

func (e *faultEnv) requestLog() []loggedRequest {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + "/_emulator/requests")
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var list []loggedRequest
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		e.t.Fatal(err)
	}
	return list
}

func (e *faultEnv) deleteHook(path string) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodDelete, e.srv.URL+"/_emulator/"+path, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
}

// ids returns the ids of the JSON array a command prints with --json.
func (e *faultEnv) ids(args ...string) []string {
	e.t.Helper()
	r := e.run("", append(args, "--json")...)
	var list []struct {
		ID string `json:"id"`
	}
	if r.code != 0 || json.Unmarshal([]byte(r.out), &list) != nil {
		e.t.Fatalf("panel %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.out, r.errOut)
	}
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.ID
	}
	return out
}
