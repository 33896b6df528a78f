package api_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

func TestCacheServesStaleThenRevalidates(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.newClient(api.WithCache(api.NewCache(0))) // nothing is fresh: every normal read asks
	cx := ctx(t)
	if _, err := c.GetCurrentUser(api.CacheOnly(cx)); !errors.Is(err, api.ErrNotCached) {
		t.Fatalf("empty cache: %v", err)
	}
	e.clearRequests()
	must(c.GetCurrentUser(cx))
	// Stale read: no request.
	if me := must(c.GetCurrentUser(api.CacheOnly(cx))); me.Email != "alice@example.com" {
		t.Errorf("cached = %+v", me)
	}
	// Revalidation: one request, the answer replaces the entry.
	must(c.GetCurrentUser(cx))
	if n := e.count("GET", "/v1/account/profile"); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestCacheKeysIncludeParams(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cx := ctx(t)
	must(e.client.ListProjects(cx, api.ListProjectsParams{Name: "web"}))
	if _, err := e.client.ListProjects(api.CacheOnly(cx), api.ListProjectsParams{Name: "data"}); !errors.Is(err, api.ErrNotCached) {
		t.Errorf("other params answered from the cache: %v", err)
	}
	e.clearRequests()
	must(e.client.ListProjects(cx, api.ListProjectsParams{Name: "web"})) // fresh: no request
	if n := len(e.requests()); n != 0 {
		t.Errorf("%d requests for a fresh entry", n)
	}
}

func TestInvalidateAllOnSwitchDropsEveryEntry(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cx := ctx(t)
	before := must(e.client.GetCurrentOrganization(cx))
	e.switchTo("org_globex")
	e.client.Cache().InvalidateAll()
	if _, err := e.client.GetCurrentOrganization(api.CacheOnly(cx)); !errors.Is(err, api.ErrNotCached) {
		t.Errorf("entry survived InvalidateAll: %v", err)
	}
	after := must(e.client.GetCurrentOrganization(cx))
	if after.ID == before.ID || after.Name != "globex" {
		t.Errorf("after switch: %+v", after)
	}
}

// An answer that was in flight when the cache was invalidated (the old
// organization's) is returned to its caller but never stored.
func TestAnswerInFlightDuringInvalidationIsNotStored(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	release := make(chan struct{})
	started := make(chan struct{})
	var cl *api.Client
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := bearer{tk: e.tokens, base: coverage.Transport(t, nil)}.RoundTrip(r)
		close(started)
		<-release
		return resp, err
	})}
	cl = api.New(e.srv.APIURL, hc)
	done := make(chan error)
	go func() { _, err := cl.GetCurrentOrganization(ctx(t)); done <- err }()
	<-started
	cl.Cache().InvalidateAll()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := cl.GetCurrentOrganization(api.CacheOnly(ctx(t))); !errors.Is(err, api.ErrNotCached) {
		t.Errorf("stale answer stored after invalidation: %v", err)
	}
}

func TestWritesMakeCachedReadsStale(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cx := ctx(t)
	p := api.ListOrganizationInvitationsParams{Statuses: []api.InvitationStatus{api.InvitationPending}}
	first := must(e.client.ListOrganizationInvitations(cx, p))
	must(e.client.CreateOrganizationInvitation(cx, "carol@example.com"))
	second := must(e.client.ListOrganizationInvitations(cx, p))
	if len(second.Invitations) != len(first.Invitations)+1 {
		t.Errorf("list after a write: %d, want %d", len(second.Invitations), len(first.Invitations)+1)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
