package app_test

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/spectest"
)

// pathRecorder is the transport under everything: it records the path of each request that reaches it.
type pathRecorder struct {
	base  http.RoundTripper
	mu    sync.Mutex
	paths []string
}

func (r *pathRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.paths = append(r.paths, req.URL.Path)
	r.mu.Unlock()
	return r.base.RoundTrip(req)
}

func (r *pathRecorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.paths
	r.paths = nil
	return p
}

// A switch reports the new organization (SwitchTokenReady, which makes the TUI reload every screen) only
// once its organization read and its project read are on their way, after a refresh and with a held token
// alike: the screens' reloads never go out ahead of the reads the switch waits for.
func TestSwitchReportsTheOrganizationOnceItsReadsAreSent(t *testing.T) {
	app.SetSentWait(t, time.Hour) // no bound: the report waits for the reads, however slow the machine
	srv := startEmulator(t, emulator.Options{})
	rec := &pathRecorder{base: spectest.Transport(t, nil)}
	dir := t.TempDir()
	a, err := app.New(app.Config{ClientID: srv.ClientID, AuthURL: srv.AuthURL, APIURL: srv.APIURL,
		ProfileDir: dir, Profile: "test", InsecureStorage: true, Base: rec})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, srv: srv, app: a, dir: dir}
	e.signIn("alice@example.com")
	for _, name := range []string{"globex", "acme"} { // a refresh, then back with a held token
		target := e.org(name)
		rec.take()
		var atReady []string
		_, err := a.SwitchOrganization(ctx(t), target, func(p app.SwitchProgress) {
			if p.Step == app.SwitchTokenReady {
				atReady = rec.take()
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		project := slices.ContainsFunc(atReady, func(p string) bool { return strings.HasPrefix(p, "/v1/projects") })
		if !slices.Contains(atReady, api.PathCurrentOrganization) || !project {
			t.Fatalf("switch to %s: requests sent when the organization was reported: %v, want the organization and its project", name, atReady)
		}
	}
}
