package faultmatrix_test

import (
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
	"github.com/panel-dev/panel/tui/screens/invitations"
	"github.com/panel-dev/panel/tui/screens/members"
	"github.com/panel-dev/panel/tui/screens/orgs"
	"github.com/panel-dev/panel/tui/screens/projects"
)

// listScreen is one list screen and the read its load makes.
type listScreen struct {
	name         string
	method, path string
	open         func(*common.Context) common.Screen
	shows        string // a line of the loaded data
}

var listScreens = []listScreen{
	{"orgs", "GET", "/v1/account/organizations",
		func(c *common.Context) common.Screen { return orgs.New(c) }, "globex"},
	{"projects", "GET", "/v1/projects",
		func(c *common.Context) common.Screen { return projects.New(c) }, "web"},
	{"projects (current project)", "GET", "/v1/projects/*",
		func(c *common.Context) common.Screen { return projects.New(c) }, "web"},
	{"invitations sent", "GET", "/v1/organization_invitations",
		func(c *common.Context) common.Screen { return invitations.New(c, invitations.Route) }, "dave@example.com"},
	{"invitations received", "GET", "/v1/account/organization_invitations",
		func(c *common.Context) common.Screen {
			return invitations.New(c, invitations.Route.With("received"))
		}, "umbrella"},
	{"members", "GET", "/v1/organization_members",
		func(c *common.Context) common.Screen { return members.New(c) }, "bob@example.com"},
}

// TestFaultMatrixThroughTheListScreens: for each list screen and each fault, the screen's load ends in
// its error state saying what happened, `r` retries (and fails again while the fault lasts), and once the
// fault is cleared `r` shows the data; the session is never touched (same token, nothing sent to the
// funnel, the store's choices kept). The screens run at once, each against its own emulator.
func TestFaultMatrixThroughTheListScreens(t *testing.T) {
	var wg sync.WaitGroup
	for _, sc := range listScreens {
		wg.Go(func() { t.Run(sc.name, func(t *testing.T) { faultScreen(t, sc) }) })
	}
	wg.Wait()
}

func faultScreen(t *testing.T, sc listScreen) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	shortTimeouts(env)
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			env.App.API.Cache().InvalidateAll() // the load must ask the API
			token, before := sessionOf(t, env)
			arm(t, env.Srv, sc.method, sc.path, f.hook)
			d := screentest.Start(t, sc.open(env.Ctx))
			d.WaitFor("the error state: "+f.says, func() bool { return saysError(d, f.says) })
			d.Type("r")
			if v := flat(d.Screen.View()); strings.Contains(v, "to retry") {
				t.Fatalf("r did not retry:\n%s", d.Screen.View())
			}
			d.WaitFor("the error state again", func() bool { return saysError(d, f.says) })
			if tok, after := sessionOf(t, env); tok != token || !kept(before, after) {
				t.Errorf("the session or the store's choices changed under %s:\n%+v\n%+v", f.name, before, after)
			}
			arm(t, env.Srv, "", "", nil)
			d.Type("r")
			d.WaitFor("the data after the fault was cleared", func() bool {
				v := flat(d.Screen.View())
				return strings.Contains(v, sc.shows) && !strings.Contains(v, "to retry")
			})
			for _, msg := range d.Root() {
				if e, ok := msg.(common.ErrorMsg); ok {
					t.Errorf("%s sent to the error funnel: %v", f.name, e.Err)
				}
			}
			if tok, _ := sessionOf(t, env); tok != token {
				t.Errorf("the session's token changed after %s", f.name)
			}
		})
	}
}

// saysError: the screen shows its error state (`r` to retry) and what happened.
func saysError(d *screentest.Driver, says string) bool {
	v := flat(d.Screen.View())
	return strings.Contains(v, "to retry") && strings.Contains(v, says)
}

// listRequestTimeout bounds every request of the list screens, the ones without a fault too (the data
// once a fault is cleared, the other tab's list): a deadline those meet under load and -race, which 500 ms
// was not (the invitations rows timed out), while a load that times out (4 attempts) still ends well
// within teadriver.Deadline.
const listRequestTimeout = 2 * time.Second

// shortTimeouts gives the screens a client with the product's retry policy (3 retries) and a short
// request timeout, on the session and store of env.
func shortTimeouts(env *screentest.Env) {
	hc := &http.Client{Transport: env.App.Session.Transport(app.ProjectGuard(http.DefaultTransport, env.App.Store))}
	c := api.New(env.Srv.APIURL, hc, api.WithRetry(fastRetry), api.WithRequestTimeout(listRequestTimeout))
	env.App.API, env.App.API = c, c
}

// sessionOf is the session's access token and the store's state.
func sessionOf(t *testing.T, env *screentest.Env) (string, store.State) {
	t.Helper()
	tok, err := env.App.Session.Token(env.Ctx.Ctx)
	if err != nil {
		t.Fatalf("the session is gone: %v", err)
	}
	st, err := env.App.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tok, st
}

// kept: the user's choices survived (previous, recent and pinned organizations as they were, every current
// project still there; a load may store the default as current where none was, B17).
func kept(before, after store.State) bool {
	for org, p := range before.CurrentProjects {
		if after.CurrentProjects[org] != p {
			return false
		}
	}
	return before.PreviousOrganization == after.PreviousOrganization &&
		reflect.DeepEqual(before.RecentOrganizations, after.RecentOrganizations) &&
		reflect.DeepEqual(before.PinnedOrganizations, after.PinnedOrganizations)
}
