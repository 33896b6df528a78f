package controlpanel

import (
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// logFilter is what TailLogs and QueryLogs select on.
type logFilter struct {
	kind    string            // runtime | build
	ids     map[string]string // app_id, service_id, … as given
	streams []string
	limit   int
	regions []string
	msgs    []string // what the lines say, in turn
}

// Generated lines cycle through these, so a tail shows something plausible.
var logMessages = []string{
	"Server listening on :8080",
	"GET / 200 3ms",
	"GET /healthz 200 1ms",
	"POST /api/orders 201 18ms",
	"GET /api/orders?page=2 200 7ms",
	"warning: slow query (212ms): SELECT * FROM orders",
	"GET /static/app.js 304 1ms",
	"DELETE /api/sessions/42 204 4ms",
}

// readLogFilter reads the shared log parameters, answering 400 itself; the
// messages are the built-in ones (see withMessages). The
// spec asks for one of app_id, service_id, deployment_id,
// regional_deployment_id or instance_ids, and allows text or regex, not both.
func readLogFilter(w http.ResponseWriter, r *http.Request, defaultLimit int) (logFilter, bool) {
	q := r.URL.Query()
	f := logFilter{kind: q.Get("type"), ids: map[string]string{}, limit: defaultLimit, regions: q["regions"],
		msgs: logMessages}
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
		if _, err := regexp.Compile(re); err != nil {
			badField(w, "regex", "is not a valid regular expression")
			return f, false
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1000 {
			badField(w, "limit", "must be an integer from 0 to 1000")
			return f, false
		}
		f.limit = n
	}
	return f, true
}

// withMessages makes the lines say the seed's log messages, when it has any.
func (f logFilter) withMessages(msgs []string) logFilter {
	if len(msgs) > 0 {
		f.msgs = msgs
	}
	return f
}

// line is the generated log entry at a given time: the same time always
// gives the same line.
func (f logFilter) line(orgID string, at time.Time) map[string]any {
	n := int(at.Unix())
	labels := map[string]any{"type": f.kind, "stream": f.streams[n%len(f.streams)], "organization_id": orgID}
	for k, v := range f.ids {
		labels[k] = v
	}
	if len(f.regions) > 0 {
		labels["region"] = f.regions[n%len(f.regions)]
	}
	return map[string]any{"msg": f.msgs[n%len(f.msgs)], "created_at": timestamp(at), "labels": labels}
}

// logStep is the spacing of generated lines in a query.
const logStep = 5 * time.Second

// queryLogs is QueryLogs: generated lines every 5 s between start (default 15
// minutes ago) and end (default now), newest first unless order=asc, with
// has_more and the next window when limit (default 100) cut the list.
func (h *handler) queryLogs(w http.ResponseWriter, r *http.Request, c *caller) {
	f, ok := readLogFilter(w, r, 100)
	if !ok {
		return
	}
	f = f.withMessages(h.st.Settings().LogMessages)
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
		data = append(data, f.line(c.org.ID, at))
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
