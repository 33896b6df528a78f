package controlpanel

import (
	"net/http"
	"strings"

	"github.com/panel-dev/panel/emulator/state"
)

// Apps, services and instances of the token's organization (B30). Apps and
// services answer count and has_next; instances answer count.

var (
	serviceTypes     = []string{"INVALID_TYPE", "WEB", "WORKER", "DATABASE", "SANDBOX"}
	serviceStatuses  = []string{"STARTING", "HEALTHY", "DEGRADED", "UNHEALTHY", "DELETING", "DELETED", "PAUSING", "PAUSED", "RESUMING"}
	instanceStatuses = []string{"ALLOCATING", "STARTING", "HEALTHY", "UNHEALTHY", "STOPPING", "STOPPED", "ERROR", "SLEEPING"}
)

// listApps is ListApps: filtered by project_id and a case-insensitive name match.
func (h *handler) listApps(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	name, project := strings.ToLower(q.Get("name")), q.Get("project_id")
	var apps []state.App
	for _, a := range h.st.Apps(c.org.ID) {
		if (project == "" || a.ProjectID == project) && (name == "" || strings.Contains(strings.ToLower(a.Name), name)) {
			apps = append(apps, a)
		}
	}
	out, hasNext := pageOf(p, apps, func(a state.App) *appJSON { return toApp(a, c.org.Name) })
	writeJSON(w, http.StatusOK, map[string]any{"apps": out, "limit": p.limit, "offset": p.offset,
		"count": len(apps), "has_next": hasNext})
}

// listServices is ListServices: filtered by app_id, project_id, a
// case-insensitive name match, types, statuses and regions (a service is in
// a region when one of its instances is).
func (h *handler) listServices(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	types, ok := readStatuses(w, r, "types", serviceTypes)
	if !ok {
		return
	}
	statuses, ok := readStatuses(w, r, "statuses", serviceStatuses)
	if !ok {
		return
	}
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	regions := map[string]bool{}
	for _, reg := range q["regions"] {
		regions[reg] = true
	}
	inRegion := map[string]bool{}
	for _, in := range h.st.Instances(c.org.ID) {
		if regions[in.Region] {
			inRegion[in.ServiceID] = true
		}
	}
	var services []state.Service
	for _, sv := range h.st.Services(c.org.ID) {
		switch {
		case q.Get("app_id") != "" && sv.AppID != q.Get("app_id"),
			q.Get("project_id") != "" && sv.ProjectID != q.Get("project_id"),
			name != "" && !strings.Contains(strings.ToLower(sv.Name), name),
			types != nil && !types[sv.Type],
			statuses != nil && !statuses[sv.Status],
			len(regions) > 0 && !inRegion[sv.ID]:
			continue
		}
		services = append(services, sv)
	}
	out, hasNext := pageOf(p, services, func(sv state.Service) *serviceJSON { return toService(sv, false) })
	writeJSON(w, http.StatusOK, map[string]any{"services": out, "limit": p.limit, "offset": p.offset,
		"count": len(services), "has_next": hasNext})
}

// getService is GetService; another organization's service reads as not found.
func (h *handler) getService(w http.ResponseWriter, r *http.Request, c *caller) {
	sv, ok := h.st.Service(r.PathValue("id"))
	if !ok || sv.OrganizationID != c.org.ID {
		notFound(w, "Service")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"service": toService(sv, true)})
}

// listInstances is ListInstances: filtered by app_id, service_id,
// deployment ids and statuses; order=asc|desc (default desc: newest first).
func (h *handler) listInstances(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	statuses, ok := readStatuses(w, r, "statuses", instanceStatuses)
	if !ok {
		return
	}
	q := r.URL.Query()
	order := q.Get("order")
	if order == "" {
		order = "desc"
	}
	if order != "asc" && order != "desc" {
		badField(w, "order", `must be "asc" or "desc"`)
		return
	}
	var list []state.Instance
	for _, in := range h.st.Instances(c.org.ID) {
		switch {
		case q.Get("app_id") != "" && in.AppID != q.Get("app_id"),
			q.Get("service_id") != "" && in.ServiceID != q.Get("service_id"),
			q.Get("regional_deployment_id") != "" && in.RegionalDeploymentID != q.Get("regional_deployment_id"),
			q.Get("allocation_id") != "" && in.AllocationID != q.Get("allocation_id"),
			statuses != nil && !statuses[in.Status]:
			continue
		}
		list = append(list, in)
	}
	if order == "desc" {
		for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
			list[i], list[j] = list[j], list[i]
		}
	}
	out, _ := pageOf(p, list, toInstance)
	writeJSON(w, http.StatusOK, map[string]any{"instances": out, "limit": p.limit, "offset": p.offset,
		"count": len(list), "order": order})
}
