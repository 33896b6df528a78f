package controlpanel

import (
	"math"
	"net/http"
	"time"
)

var metricNames = []string{"CPU_TOTAL_PERCENT", "MEM_RSS", "HTTP_THROUGHPUT", "HTTP_RESPONSE_TIME_50P",
	"HTTP_RESPONSE_TIME_90P", "HTTP_RESPONSE_TIME_99P", "HTTP_RESPONSE_TIME_MAX", "PUBLIC_DATA_TRANSFER_IN",
	"PUBLIC_DATA_TRANSFER_OUT"}

// maxSamples bounds one series, so a tiny step over a long range stays cheap.
const maxSamples = 2000

// getMetrics is GetMetrics: one generated series per instance (two for a
// service, one for instance_id) between start (default an hour before end)
// and end (default now), one sample per step (default 5m).
func (h *handler) getMetrics(w http.ResponseWriter, r *http.Request, _ *caller) {
	q := r.URL.Query()
	name := q.Get("name")
	if !contains(metricNames, name) {
		badField(w, "name", "must name a metric")
		return
	}
	serviceID, instanceID := q.Get("service_id"), q.Get("instance_id")
	instances := []string{instanceID}
	if instanceID == "" {
		if serviceID == "" {
			badField(w, "service_id", "service_id or instance_id must be set")
			return
		}
		instances = []string{serviceID + "-instance-1", serviceID + "-instance-2"}
	}
	end, ok := readTime(w, r, "end", h.st.Now())
	if !ok {
		return
	}
	start, ok := readTime(w, r, "start", end.Add(-time.Hour))
	if !ok {
		return
	}
	step := 5 * time.Minute
	if v := q.Get("step"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || (d%time.Minute != 0) {
			badField(w, "step", "must be a duration in hours (h) or minutes (m)")
			return
		}
		step = d
	}
	if !start.Before(end) || end.Sub(start)/step > maxSamples {
		badField(w, "start", "must be before end, within 2000 steps")
		return
	}
	metrics := []map[string]any{}
	for n, instance := range instances {
		samples := []map[string]any{}
		for at := start.Truncate(step); !at.After(end); at = at.Add(step) {
			value := 50 + 40*math.Sin(float64(at.Unix())/900+float64(n))
			samples = append(samples, map[string]any{"timestamp": timestamp(at), "value": math.Round(value*100) / 100})
		}
		labels := map[string]string{"instance_id": instance}
		if serviceID != "" {
			labels["service_id"] = serviceID
		}
		metrics = append(metrics, map[string]any{"labels": labels, "samples": samples})
	}
	writeJSON(w, http.StatusOK, map[string]any{"metrics": metrics})
}
