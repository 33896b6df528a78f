package api_test

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

// offsetOf is the offset a logged organization page asked for.
func offsetOf(t *testing.T, r logged) int {
	t.Helper()
	q, err := url.ParseQuery(r.Query)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Has("offset") {
		return 0
	}
	n, err := strconv.Atoi(q.Get("offset"))
	if err != nil {
		t.Fatalf("no offset in %s", r.Query)
	}
	return n
}

func sequentialOrganizations(t *testing.T, c *api.Client) []string {
	t.Helper()
	orgs := must(api.CollectHasNext(ctx(t), func(ctx context.Context, p api.Page) ([]api.Organization, bool, error) {
		r, err := c.ListUserOrganizations(ctx, api.ListUserOrganizationsParams{Page: p})
		if err != nil {
			return nil, false, err
		}
		return r.Organizations, r.HasNext, nil
	}))
	return ids(orgs)
}

func ids(orgs []api.Organization) []string {
	out := make([]string, len(orgs))
	for i, o := range orgs {
		out[i] = o.ID
	}
	return out
}

func TestOrganizationWalkKeepsABoundedNumberOfPagesInFlightAndTheServersOrder(t *testing.T) {
	// The latency makes pages overlap as they would over a network.
	e := newEnv(t, emulator.Options{Seed: seed.Generate(2000), Latency: 20 * time.Millisecond}, "alice@example.com")
	want := sequentialOrganizations(t, e.client)
	e.clearRequests()
	got := ids(must(e.client.AllUserOrganizations(api.Revalidate(ctx(t)), api.ListUserOrganizationsParams{})))
	if len(got) != 2003 || !slices.Equal(got, want) {
		t.Fatalf("the walk gave %d organizations, not the %d of a page-by-page walk in the same order", len(got), len(want))
	}
	asked := map[int]int{}
	most, past := 0, 0
	for _, r := range e.requests() {
		most = max(most, r.InFlight)
		if off := offsetOf(t, r); off > 2000 {
			past++ // asked before the last page said it was the last
		} else {
			asked[off]++
		}
	}
	if most > api.DefaultInFlight || most < 2 {
		t.Errorf("at most %d requests in flight, want 2 to %d", most, api.DefaultInFlight)
	}
	for off := 0; off <= 2000; off += 100 {
		if asked[off] != 1 {
			t.Errorf("offset %d asked %d times, want once", off, asked[off])
		}
	}
	if len(asked) != 21 || past >= api.DefaultInFlight {
		t.Errorf("%d pages and %d past the end asked, want 21 and fewer than %d", len(asked), past, api.DefaultInFlight)
	}
	e.clearRequests()
	time.Sleep(50 * time.Millisecond) // nothing goes on after the walk returned
	if n := len(e.requests()); n != 0 {
		t.Errorf("%d requests after the walk returned", n)
	}
}

func TestOrganizationWalkBacksOffAfterA429WithFewerPagesInFlightAndCompletes(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Generate(3000), Latency: 20 * time.Millisecond}, "alice@example.com")
	want := sequentialOrganizations(t, e.client)
	e.clearRequests()
	e.fault(fault{Method: "GET", Path: "/v1/account/organizations", Status: 429, RetryAfter: "1", Count: 1,
		Body: "Too Many Requests"})
	// Retry-After is believed up to the policy's Max, as by the client's own retries.
	c := e.newClient(api.WithRetry(api.Retry{Attempts: 3, Base: time.Millisecond, Max: 2 * time.Second}))
	got := ids(must(c.AllUserOrganizations(api.Revalidate(ctx(t)), api.ListUserOrganizationsParams{})))
	if !slices.Equal(got, want) {
		t.Fatalf("after a 429 the walk gave %d organizations, want the %d in order", len(got), len(want))
	}
	reqs := e.requests()
	slices.SortFunc(reqs, func(a, b logged) int { return a.Time.Compare(b.Time) })
	limited := slices.IndexFunc(reqs, func(r logged) bool { return r.Status == 429 })
	if limited < 0 {
		t.Fatal("the 429 was never served")
	}
	again, after := -1, 0
	for i, r := range reqs {
		if !r.Time.After(reqs[limited].answered()) {
			continue
		}
		if after < api.DefaultInFlight/2 && r.InFlight > api.DefaultInFlight/2 {
			t.Errorf("request %d after the 429 went with %d in flight, want at most %d", after, r.InFlight, api.DefaultInFlight/2)
		}
		after++
		if again < 0 && offsetOf(t, r) == offsetOf(t, reqs[limited]) {
			again = i
		}
	}
	if again < 0 {
		t.Fatal("the page refused with 429 was not asked again")
	}
	if wait := reqs[again].Time.Sub(reqs[limited].answered()); wait < 900*time.Millisecond {
		t.Errorf("asked again %s after the 429, want Retry-After's 1 s", wait)
	}
	notes := e.notes.all()
	if len(notes) != 1 || !notes[0].RateLimited || notes[0].Wait != time.Second {
		t.Errorf("notices %+v, want one back-off of 1s after the 429", notes)
	}
}
