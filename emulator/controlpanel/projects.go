package controlpanel

import (
	"net/http"
	"strings"

	"github.com/panel-dev/panel/emulator/state"
)

// listProjects is ListProjects: the token's organization's projects, filtered
// by a case-insensitive name match. Paginated with limit and offset only, no
// count and no has_next: a short page is the last one.
func (h *handler) listProjects(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	name := strings.ToLower(r.URL.Query().Get("name"))
	var projects []state.Project
	for _, pr := range h.st.Projects(c.org.ID) {
		if name == "" || strings.Contains(strings.ToLower(pr.Name), name) {
			projects = append(projects, pr)
		}
	}
	out, _ := pageOf(p, projects, toProject)
	writeJSON(w, http.StatusOK, map[string]any{"projects": out, "limit": p.limit, "offset": p.offset})
}

// createProject is CreateProject; names follow the organization name rules.
func (h *handler) createProject(w http.ResponseWriter, r *http.Request, c *caller) {
	createNamed(w, r, "project", func(name string) (state.Project, error) {
		return h.st.CreateProject(c.org.ID, name, "")
	}, toProject)
}

// getProject is GetProject; another organization's project reads as not found.
func (h *handler) getProject(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := h.st.Project(r.PathValue("id"))
	if !ok || p.OrganizationID != c.org.ID {
		notFound(w, "Project")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"project": toProject(p)})
}
