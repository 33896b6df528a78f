package controlpanel

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// logFilter is what TailLogs and QueryLogs select on.
type logFilter struct {
	kind    string            // runtime | build
	ids     map[string]string // app_id, service_id, … as given
	streams []string
	limit   int
	regions []string
	text    string
	regex   *regexp.Regexp
	msgs    []string         // what the lines say, in turn
	origin  []state.Instance // where the lines come from, in turn (none: the filter's ids alone)
	silent  bool             // a known service with no instance running: no lines at all
}

// Generated lines cycle through these by service type, so a tail shows something plausible.
var logMessages = map[string][]string{
	"WEB": {
		"Server listening on :8080",
		"GET / 200 3ms",
		"GET /healthz 200 1ms",
		"POST /api/orders 201 18ms",
		"GET /api/orders?page=2 200 7ms",
		"warning: slow query (212ms): SELECT * FROM orders",
		"GET /static/app.js 304 1ms",
		"DELETE /api/sessions/42 204 4ms",
	},
	"WORKER": {
		"worker started, concurrency=4",
		"job 8812 (send-receipt) picked up",
		"job 8812 (send-receipt) done in 212ms",
		"job 8813 (resize-image) picked up",
		"warning: job 8813 (resize-image) retry 1/5: upstream timeout",
		"job 8813 (resize-image) done in 1.4s",
		"queue depth 3",
	},
	"DATABASE": {
		"LOG:  database system is ready to accept connections",
		"LOG:  checkpoint starting: time",
		"LOG:  checkpoint complete: wrote 112 buffers (0.7%)",
		"LOG:  automatic vacuum of table \"app.public.orders\": index scans: 1",
		"LOG:  connection received: host=10.0.4.7 port=51234",
	},
	"SANDBOX": {
		"sandbox ready",
		"$ python main.py",
		"Processing 120 items",
		"done: 120 ok, 0 failed",
	},
}

// readLogFilter reads the shared log parameters, answering 400 itself; the
// messages are the built-in web server's (see withSource). The
// spec asks for one of app_id, service_id, deployment_id,
// regional_deployment_id or instance_ids, and allows text or regex, not both.
func readLogFilter(w http.ResponseWriter, r *http.Request, defaultLimit, maxLimit int) (logFilter, bool) {
	q := r.URL.Query()
	f := logFilter{kind: q.Get("type"), ids: map[string]string{}, limit: defaultLimit, regions: q["regions"],
		msgs: logMessages["WEB"], text: q.Get("text")}
	if f.kind == "" {
		f.kind = "runtime"
	}
	if f.kind != "runtime" && f.kind != "build" {
		badField(w, "type", `must be "runtime" or "build"`)
		return f, false
	}
	for _, k := range []string{"app_id", "service_id", "deployment_id", "regional_deployment_id", "instance_id"} {
		if v := q.Get(k); v != "" {
			f.ids[k] = v
		}
	}
	if ids := q["instance_ids"]; len(ids) > 0 {
		f.ids["instance_id"] = ids[0]
	}
	if len(f.ids) == 0 {
		badField(w, "service_id", "one of app_id, service_id, deployment_id, regional_deployment_id or instance_ids must be set")
		return f, false
	}
	f.streams = append(q["streams"], q["stream"]...)
	for _, s := range f.streams {
		if s != "stdout" && s != "stderr" && s != "koyeb" {
			badField(w, "streams", `must be "stdout", "stderr" or "koyeb"`)
			return f, false
		}
	}
	if len(f.streams) == 0 {
		f.streams = []string{"stdout", "stderr"}
	}
	if q.Get("text") != "" && q.Get("regex") != "" {
		badField(w, "regex", "cannot be used with text")
		return f, false
	}
	if re := q.Get("regex"); re != "" {
		var err error
		if f.regex, err = regexp.Compile(re); err != nil {
			badField(w, "regex", "is not a valid regular expression")
			return f, false
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxLimit {
			badField(w, "limit", fmt.Sprintf("must be an integer from 0 to %d", maxLimit))
			return f, false
		}
		if n > 0 { // 0 is proto3's "not set": the default
			f.limit = n
		}
	}
	return f, true
}

// withSource makes the lines come from what the filter names: a known
// service (or app, or instance) of the organization says its own messages
// (else the seed's, else those of its type) from its instances in turn; a
// service with no instance running logs nothing. Ids the emulator does not
// know get the seed's messages, else a web server's.
func (h *handler) withSource(f logFilter, orgID string) logFilter {
	seeded := h.st.Settings().LogMessages
	if len(seeded) > 0 {
		f.msgs = seeded
	}
	var services []state.Service
	for _, sv := range h.st.Services(orgID) {
		if sv.ID == f.ids["service_id"] || sv.AppID == f.ids["app_id"] || sv.ActiveDeploymentID == f.ids["deployment_id"] {
			services = append(services, sv)
		}
	}
	for _, in := range h.st.Instances(orgID) {
		if in.ID == f.ids["instance_id"] || in.RegionalDeploymentID == f.ids["regional_deployment_id"] {
			if sv, ok := h.st.Service(in.ServiceID); ok && len(services) == 0 {
				services = append(services, sv)
			}
			f.origin = append(f.origin, in)
		}
	}
	if len(services) == 0 {
		return f
	}
	switch {
	case len(services[0].LogMessages) > 0:
		f.msgs = services[0].LogMessages
	case len(seeded) == 0 && logMessages[services[0].Type] != nil:
		f.msgs = logMessages[services[0].Type]
	}
	if f.origin == nil {
		byService := map[string][]state.Instance{}
		for _, in := range h.st.Instances(orgID) {
			byService[in.ServiceID] = append(byService[in.ServiceID], in)
		}
		for _, sv := range services {
			f.origin = append(f.origin, byService[sv.ID]...)
		}
	}
	f.silent = len(f.origin) == 0
	return f
}

// pick numbers a time by half seconds, so lines of the tail (one every half
// second by default) say the messages in turn, and a query and a tail show
// the same line at the same time.
func pick(at time.Time) int {
	return int(at.UnixMilli()/500) & (1<<31 - 1)
}

// line is the generated log entry at a given time: the same time always
// gives the same line.
func (f logFilter) line(orgID string, at time.Time) map[string]any {
	i := pick(at)
	labels := map[string]any{"type": f.kind, "stream": f.streams[i%len(f.streams)], "organization_id": orgID}
	for k, v := range f.ids {
		labels[k] = v
	}
	if len(f.origin) > 0 {
		in := f.origin[i%len(f.origin)]
		labels["app_id"], labels["service_id"], labels["instance_id"] = in.AppID, in.ServiceID, in.ID
		labels["regional_deployment_id"], labels["region"] = in.RegionalDeploymentID, in.Region
	}
	if len(f.regions) > 0 {
		labels["region"] = f.regions[i%len(f.regions)]
	}
	return map[string]any{"msg": f.msgs[i%len(f.msgs)], "created_at": timestamp(at), "labels": labels}
}

// matches reports whether the line at a time passes text or regex.
func (f logFilter) matches(at time.Time) bool {
	msg := f.msgs[pick(at)%len(f.msgs)]
	switch {
	case f.silent:
		return false
	case f.text != "":
		return strings.Contains(msg, f.text)
	case f.regex != nil:
		return f.regex.MatchString(msg)
	}
	return true
}

// logStep is the spacing of generated lines in a query.
const logStep = 5 * time.Second

// queryLogs is QueryLogs: generated lines every 5 s between start (default 15
// minutes ago) and end (default now), newest first unless order=asc, with
// has_more and the next window when limit (default 100) cut the list.
func (h *handler) queryLogs(w http.ResponseWriter, r *http.Request, c *caller) {
	f, ok := readLogFilter(w, r, 100, 1000)
	if !ok {
		return
	}
	f = h.withSource(f, c.org.ID)
	end, ok := readTime(w, r, "end", h.st.Now())
	if !ok {
		return
	}
	start, ok := readTime(w, r, "start", end.Add(-15*time.Minute))
	if !ok {
		return
	}
	if !start.Before(end) {
		badField(w, "start", "must be before end")
		return
	}
	order := r.URL.Query().Get("order")
	if order == "" {
		order = "desc"
	}
	if order != "asc" && order != "desc" {
		badField(w, "order", `must be "asc" or "desc"`)
		return
	}
	first, last := start.Truncate(logStep).Add(logStep), end.Truncate(logStep)
	at, step := last, -logStep
	if order == "asc" {
		at, step = first, logStep
	}
	data := []map[string]any{}
	for !at.Before(first) && !at.After(last) && len(data) < f.limit {
		if f.matches(at) {
			data = append(data, f.line(c.org.ID, at))
		}
		at = at.Add(step)
	}
	pagination := map[string]any{"has_more": !at.Before(first) && !at.After(last)}
	if pagination["has_more"] == true {
		if order == "asc" {
			pagination["next_start"], pagination["next_end"] = timestamp(at.Add(-time.Nanosecond)), timestamp(end)
		} else {
			pagination["next_start"], pagination["next_end"] = timestamp(start), timestamp(at.Add(time.Nanosecond))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "pagination": pagination})
}

// readTime reads an RFC 3339 query parameter, answering 400 itself.
func readTime(w http.ResponseWriter, r *http.Request, name string, fallback time.Time) (time.Time, bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return fallback, true
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		badField(w, name, "must be an RFC 3339 date-time")
		return time.Time{}, false
	}
	return t, true
}
