package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/panel-dev/panel/internal/teadriver"
	"github.com/panel-dev/panel/tui"
)

// frame is one of Bubble Tea's frames in panel (it asks for 120 a second).
const frame = time.Second / 120

// switchTUI measures the organization switch through the TUI's root model:
// the key → the header shows the new organization (perceived) → the header
// shows its fresh project (complete, the switch's SwitchLoaded). First Enter
// in the switcher (filtered to the target), into organizations whose token
// the session does not hold (a refresh each), then `-` back and forth between
// the last two, whose tokens it holds (no refresh).
func (h *harness) switchTUI() error {
	em, p, stop, err := h.signedIn("--orgs", fmt.Sprint(h.runs+1))
	if err != nil {
		return err
	}
	defer stop()
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

	var perceived, complete, heldPerceived, heldComplete samples
	var note, heldNote string
	for i := range h.runs {
		target := benchOrg(i + 1)
		d.Press("o")
		if err := waitFrame(d, "the switcher's list", 30*time.Second, func(v string) bool {
			return strings.Contains(v, "globex") && strings.Contains(v, "bench-")
		}); err != nil {
			return err
		}
		d.Press(target)
		if err := waitFrame(d, "the filtered list", 10*time.Second, func(v string) bool { return strings.Contains(v, selectedRow(target)) }); err != nil {
			return err
		}
		d.Settle(h.rtt / 2)
		shown, done, desc, err := h.measureTUISwitch(d, em, "enter", target, fmt.Sprintf("run %d", i+1))
		if err != nil {
			return err
		}
		perceived, complete, note = append(perceived, shown), append(complete, done), desc
	}
	back, forth := previousOf(h.runs), benchOrg(h.runs)
	for i := range h.runs {
		target := back // `-` toggles between the last two
		if i%2 == 1 {
			target = forth
		}
		shown, done, desc, err := h.measureTUISwitch(d, em, "-", target, fmt.Sprintf("back run %d", i+1))
		if err != nil {
			return err
		}
		heldPerceived, heldComplete, heldNote = append(heldPerceived, shown), append(heldComplete, done), desc
	}
	var bare samples
	for range h.runs {
		a.API.Cache().InvalidateAll()
		start := time.Now()
		if _, err := a.API.GetCurrentOrganization(ctx); err != nil {
			return err
		}
		bare = append(bare, time.Since(start))
	}
	h.add(result{Name: "One API round trip alone (GET /v1/account/organization, the token held): what 1 RTT costs here", Goal: "—",
		Samples: bare, RTT: true, Note: "the emulator's latency plus its handling and loopback: the floor of every figure in RTT"})
	h.add(result{Name: "Org switch in the TUI, perceived (Enter → header shows the new org)", Goal: "≤ 1.1 RTT",
		Samples: perceived, RTT: true})
	h.add(result{Name: "Org switch in the TUI, complete (org and default project fresh)", Goal: "≤ 2.1 RTT",
		Samples: complete, RTT: true, Note: note})
	h.add(result{Name: "`-` back in the TUI to an org whose token is held, perceived (key → header shows it)", Goal: "≤ 1 frame (" + ms(frame) + ")",
		Samples: heldPerceived, RTT: true})
	h.add(result{Name: "`-` back in the TUI to an org whose token is held, complete", Goal: "≤ 1 RTT",
		Samples: heldComplete, RTT: true, Note: heldNote})
	return nil
}

// measureTUISwitch presses key and returns the time until the header shows
// target, and until it shows target with a project; desc names the requests
// made before the second.
func (h *harness) measureTUISwitch(d *teadriver.Driver, em *emulatorProc, key, target, label string) (shown, done time.Duration, desc string, err error) {
	em.clearRequests()
	start := time.Now()
	d.Press(key)
	if err := waitFrame(d, "the new organization", 30*time.Second, func(v string) bool {
		hd := header(v)
		if shown == 0 && showsOrg(hd, target) {
			shown = time.Since(start)
		}
		return showsOrg(hd, target) && strings.Contains(hd, "project ")
	}); err != nil {
		return 0, 0, "", err
	}
	done = time.Since(start)
	d.Settle(3 * h.rtt)
	var during []loggedRequest
	for _, r := range em.requests() {
		if r.Time.Before(start.Add(done)) {
			during = append(during, r)
		}
	}
	desc = fmt.Sprintf("%d HTTP requests started before complete (%s)", len(during), describe(during))
	h.logf("switch-tui %s → %s: perceived %s, complete %s, %s", label, target, ms(shown), ms(done), desc)
	return shown, done, desc, nil
}

// previousOf is the organization switched to before benchOrg(n) in these runs.
func previousOf(n int) string {
	if n <= 1 {
		return "acme"
	}
	return benchOrg(n - 1)
}

// selectedRow is how the switcher draws target as the row Enter switches to: typed in full, a name is
// the best match, though not always the only one (bench-00001 also matches bench-00010).
func selectedRow(target string) string { return "›   " + target + " " }

// showsOrg reports whether a header names the organization name (not merely
// one that starts with it).
func showsOrg(hd, name string) bool {
	_, rest, ok := strings.Cut(hd, "org "+name)
	return ok && (rest == "" || !strings.ContainsAny(rest[:1], "abcdefghijklmnopqrstuvwxyz0123456789-"))
}
