package controlpanel

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// Pagination bounds: the spec's intro says limit is at most 100.
const (
	defaultLimit = 10
	maxLimit     = 100
)

type page struct{ limit, offset int }

// readPage parses limit and offset (strings in the spec), answering 400 itself
// when they are not whole numbers or limit is over 100.
func readPage(w http.ResponseWriter, r *http.Request) (page, bool) {
	p := page{limit: defaultLimit}
	q := r.URL.Query()
	for _, f := range []struct {
		name string
		dst  *int
	}{{"limit", &p.limit}, {"offset", &p.offset}} {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			badField(w, f.name, "must be a non-negative integer")
			return page{}, false
		}
		*f.dst = n
	}
	if p.limit > maxLimit {
		badField(w, "limit", "must be at most 100")
		return page{}, false
	}
	if p.limit == 0 {
		p.limit = defaultLimit
	}
	return p, true
}

// window returns the bounds of the page within n items, and whether more follow.
func (p page) window(n int) (start, end int, hasNext bool) {
	start = min(p.offset, n)
	end = min(start+p.limit, n)
	return start, end, end < n
}

// pageOf is the window p selects of all, each in its wire form by to (an
// empty page is [], never null), and whether more follow it.
func pageOf[T, J any](p page, all []T, to func(T) J) ([]J, bool) {
	start, end, hasNext := p.window(len(all))
	out := make([]J, 0, end-start)
	for _, v := range all[start:end] {
		out = append(out, to(v))
	}
	return out, hasNext
}

// readStatuses reads a repeated enum query parameter (statuses=A&statuses=B),
// answering 400 itself for a value outside allowed.
func readStatuses(w http.ResponseWriter, r *http.Request, name string, allowed []string) (map[string]bool, bool) {
	values := r.URL.Query()[name]
	if len(values) == 0 {
		return nil, true
	}
	set := map[string]bool{}
	for _, v := range values {
		if !contains(allowed, v) {
			badField(w, name, "unknown status "+strconv.Quote(v))
			return nil, false
		}
		set[v] = true
	}
	return set, true
}

func contains(set []string, v string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// readBody decodes a JSON body into dst. An empty body reads as {}: POSTs
// whose body is {} in the spec also work with no body.
func readBody(w http.ResponseWriter, r *http.Request, dst any) bool {
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		badRequest(w, "Could not read the request body")
		return false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return true
	}
	if err := json.Unmarshal(data, dst); err != nil {
		badRequest(w, "The request body is not valid JSON")
		return false
	}
	return true
}

var (
	organizationStatuses = []string{"WARNING", "LOCKED", "ACTIVE", "DEACTIVATING", "DEACTIVATED", "DELETING", "DELETED"}
	invitationStatuses   = []string{"INVALID", "PENDING", "ACCEPTED", "REFUSED", "EXPIRED"}
)
