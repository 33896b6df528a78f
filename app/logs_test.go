package app_test

import (
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
)

func TestTailParams(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	f := api.LogsFilter{ServiceID: "s"}
	for _, c := range []struct {
		name  string
		o     app.TailOptions
		start time.Time
		limit int
	}{
		{"defaults", app.TailOptions{Lines: app.DefaultTailLines}, now.Add(-10 * time.Minute), 100},
		{"since and lines", app.TailOptions{Since: time.Hour, Lines: 5}, now.Add(-time.Hour), 5},
		{"no replay: start at now", app.TailOptions{Since: time.Hour}, now, 0},
		{"at most what the API replays", app.TailOptions{Lines: 5000}, now.Add(-10 * time.Minute), api.MaxTailLimit},
	} {
		p := app.TailParams(f, c.o, now)
		if !p.Start.Equal(c.start) || p.Limit != c.limit || p.ServiceID != "s" {
			t.Errorf("%s: start %v limit %d, want %v and %d", c.name, p.Start, p.Limit, c.start, c.limit)
		}
	}
}
