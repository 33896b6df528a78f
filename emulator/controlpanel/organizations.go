package controlpanel

import (
	"errors"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/panel-dev/panel/emulator/state"
)

// getCurrentOrganization is GetCurrentOrganization: the token's organization.
// Clients check the session here (B10): sessionScope has already answered 403
// for a revoked session or a removed membership and 404 for no org_id (B23).
func (h *handler) getCurrentOrganization(w http.ResponseWriter, _ *http.Request, c *caller) {
	writeJSON(w, http.StatusOK, map[string]any{"organization": toOrganization(c.org)})
}

// getOrganization is GetOrganization; only the token's organization is
// visible (by its id or external id), others read as not found.
func (h *handler) getOrganization(w http.ResponseWriter, r *http.Request, c *caller) {
	if !c.isCurrentOrganization(r.PathValue("id")) {
		notFound(w, "Organization")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"organization": toOrganization(c.org)})
}

func (c *caller) isCurrentOrganization(id string) bool {
	return c.hasOrg && (id == c.org.ID || id == c.org.ExternalID)
}

// updateDefaultProject is UpdateOrganizationDefaultProject.
func (h *handler) updateDefaultProject(w http.ResponseWriter, r *http.Request, c *caller) {
	if !c.isCurrentOrganization(r.PathValue("id")) {
		notFound(w, "Organization")
		return
	}
	var body struct {
		DefaultProjectID string `json:"default_project_id"`
	}
	if !readBody(w, r, &body) {
		return
	}
	if body.DefaultProjectID == "" {
		badField(w, "default_project_id", "cannot be blank")
		return
	}
	org, err := h.st.SetDefaultProject(c.org.ID, body.DefaultProjectID)
	if err != nil {
		badField(w, "default_project_id", "is not a project of this organization")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"organization": toOrganization(org)})
}

// organizationName is B20's rule: 1–39 characters, lowercase letters, digits
// and dashes, starting and ending with a letter or digit, no "--".
var organizationName = sync.OnceValue(func() *regexp.Regexp { // compiled on first use, not at every panel start
	return regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,37}[a-z0-9])?$`)
})

func nameProblem(name string) string {
	switch {
	case name == "":
		return "cannot be blank"
	case len(name) > 39:
		return "must be at most 39 characters"
	case !organizationName().MatchString(name):
		return "must contain only lowercase letters, digits and dashes, and start and end with a letter or digit"
	case strings.Contains(name, "--"):
		return "cannot contain two dashes in a row"
	}
	return ""
}

// createOrganization is CreateOrganization: an active organization with its
// default project, owned by the caller. The caller's token is unchanged: the
// client switches into the new organization through WorkOS.
func (h *handler) createOrganization(w http.ResponseWriter, r *http.Request, c *caller) {
	createNamed(w, r, "organization", func(name string) (state.Organization, error) {
		return h.st.CreateOrganization(name, c.user.ID)
	}, toOrganization)
}

// createNamed answers a create call whose body is {"name": ...} (an
// organization or a project): the name rules and a taken name are a 400 on
// "name"; on success the reply is {kind: toJSON(created)}.
func createNamed[T, J any](w http.ResponseWriter, r *http.Request, kind string,
	create func(name string) (T, error), toJSON func(T) J) {
	var body struct {
		Name string `json:"name"`
	}
	if !readBody(w, r, &body) {
		return
	}
	if problem := nameProblem(body.Name); problem != "" {
		badField(w, "name", problem)
		return
	}
	created, err := create(body.Name)
	if errors.Is(err, state.ErrAlreadyExists) {
		badField(w, "name", "is already taken")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, codeInternal, "Could not create the "+kind)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{kind: toJSON(created)})
}

// listUserOrganizations is ListUserOrganizations: the caller's organizations
// in membership order (or by name with order=asc|desc), filtered by statuses
// and by a case-insensitive search on name, id and external id. Paginated
// with has_next.
func (h *handler) listUserOrganizations(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	statuses, ok := readStatuses(w, r, "statuses", organizationStatuses)
	if !ok {
		return
	}
	search := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("search")))
	matches := func(o *state.Organization) bool {
		return (statuses == nil || statuses[o.Status]) &&
			(search == "" || strings.Contains(strings.ToLower(o.Name+" "+o.ID+" "+o.ExternalID), search))
	}
	order := strings.ToLower(r.URL.Query().Get("order"))
	if order != "" && order != "asc" && order != "desc" {
		badField(w, "order", "must be asc or desc")
		return
	}
	var out []*organizationJSON
	var hasNext bool
	if order == "" {
		// Membership order: only the page is copied, so that walking 100,000 organizations costs the
		// emulator what a server's indexed query would, not a copy of them all per page.
		n := 0
		h.st.EachUserOrganization(c.user.ID, func(o *state.Organization) bool {
			if !matches(o) {
				return true
			}
			if n >= p.offset && n < p.offset+p.limit {
				out = append(out, toOrganization(*o))
			}
			n++
			return n <= p.offset+p.limit // one match past the page says has_next
		})
		hasNext = n > p.offset+p.limit
	} else {
		var orgs []state.Organization
		for _, o := range h.st.UserOrganizations(c.user.ID) {
			if matches(&o) {
				orgs = append(orgs, o)
			}
		}
		sort.SliceStable(orgs, func(i, j int) bool {
			if order == "asc" {
				return orgs[i].Name < orgs[j].Name
			}
			return orgs[i].Name > orgs[j].Name
		})
		out, hasNext = pageOf(p, orgs, toOrganization)
	}
	if out == nil {
		out = []*organizationJSON{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"organizations": out, "limit": p.limit, "offset": p.offset,
		"has_next": hasNext})
}
