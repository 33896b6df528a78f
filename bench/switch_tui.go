package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/panel-dev/panel/tui"
)

// switchTUI measures the organization switch through the TUI's root model:
// Enter in the switcher (filtered to the target) → the header shows the new
// organization (perceived) → the header shows its fresh default project
// (complete, the switch's SwitchLoaded). It alternates globex and acme.
func (h *harness) switchTUI() error {
	em, err := startEmulator(h.panel, "--latency", h.rtt.String())
	if err != nil {
		return err
	}
	defer em.stop()
	p, err := h.newProfile(em)
	if err != nil {
		return err
	}
	defer p.signOut()
	if err := p.signIn(); err != nil {
		return err
	}
	a, err := p.app()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d := newModelDriver(ctx, tui.New(ctx, tui.Deps{App: a, NoColor: true, Clipboard: io.Discard}), 100, 30)
	if err := waitFrame(d, "the signed-in home", 30*time.Second, func(v string) bool {
		return strings.Contains(header(v), "org acme") && strings.Contains(header(v), "project ")
	}); err != nil {
		return err
	}
	d.Settle(3 * h.rtt)

	var perceived, complete samples
	var counts []int
	var seen string
	for i := range h.runs {
		target := []string{"globex", "acme"}[i%2]
		d.Press("o")
		if err := waitFrame(d, "the switcher's list", 30*time.Second, func(v string) bool {
			return strings.Contains(v, "globex") && strings.Contains(v, "initech")
		}); err != nil {
			return err
		}
		d.Press(target)
		if err := waitFrame(d, "the filtered list", 10*time.Second, func(v string) bool { return strings.Contains(v, "1 of ") }); err != nil {
			return err
		}
		d.Settle(h.rtt / 2)
		em.clearRequests()
		start := time.Now()
		d.Press("enter")
		var shown time.Duration
		if err := waitFrame(d, "the new organization", 30*time.Second, func(v string) bool {
			hd := header(v)
			if shown == 0 && strings.Contains(hd, "org "+target) {
				shown = time.Since(start)
			}
			return strings.Contains(hd, "org "+target) && strings.Contains(hd, "project ")
		}); err != nil {
			return err
		}
		done := time.Since(start)
		perceived, complete = append(perceived, shown), append(complete, done)
		d.Settle(3 * h.rtt)
		var during []loggedRequest
		for _, r := range em.requests() {
			if r.Time.Before(start.Add(done)) {
				during = append(during, r)
			}
		}
		counts = append(counts, len(during))
		seen = describe(during)
		h.logf("switch-tui run %d → %s: perceived %s, complete %s, %d requests before complete: %s",
			i+1, target, ms(shown), ms(done), len(during), seen)
	}
	h.add(result{Name: "Org switch in the TUI, perceived (Enter → header shows the new org)", Goal: "≤ 1.1 RTT",
		Samples: perceived, RTT: true})
	h.add(result{Name: "Org switch in the TUI, complete (org and default project fresh)", Goal: "≤ 2.1 RTT",
		Samples: complete, RTT: true,
		Note: fmt.Sprintf("%d HTTP requests started before complete (%s)", counts[len(counts)-1], seen)})
	return nil
}
