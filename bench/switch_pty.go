package main

import (
	"fmt"
	"time"
)

// switchPTY measures the same switches as switchTUI on the real binary in a
// pseudo-terminal: the key typed → the terminal receives the header with the
// new organization (perceived), then with its project (complete). Unlike the
// model driver, this includes Bubble Tea's renderer, which draws on a frame
// tick (120 a second in panel).
func (h *harness) switchPTY() error {
	_, p, stop, err := h.signedIn("--orgs", fmt.Sprint(h.runs+1))
	if err != nil {
		return err
	}
	defer stop()
	t, _, err := startPTY(p.command())
	if err != nil {
		return err
	}
	defer t.stop()
	if _, _, err := t.waitFor("pending", 0, 30*time.Second); err != nil { // home loaded: the gate passed
		return err
	}
	var perceived, complete, heldPerceived, heldComplete samples
	for i := range h.runs {
		target := benchOrg(i + 1)
		off := t.size()
		t.keys("o")
		if _, off, err = t.waitFor("globex", off, 30*time.Second); err != nil {
			return err
		}
		t.keys(target)
		if _, _, err = t.waitFor(selectedRow(target), off, 10*time.Second); err != nil {
			return err
		}
		shown, done, err := h.measurePTYSwitch(t, "\r", target, fmt.Sprintf("run %d", i+1))
		if err != nil {
			return err
		}
		perceived, complete = append(perceived, shown), append(complete, done)
	}
	back, forth := previousOf(h.runs), benchOrg(h.runs)
	for i := range h.runs {
		target := back // `-` toggles between the last two
		if i%2 == 1 {
			target = forth
		}
		time.Sleep(h.rtt) // the status line's "Switched to" of the previous run is drawn
		shown, done, err := h.measurePTYSwitch(t, "-", target, fmt.Sprintf("back run %d", i+1))
		if err != nil {
			return err
		}
		heldPerceived, heldComplete = append(heldPerceived, shown), append(heldComplete, done)
	}
	h.add(result{Name: "Org switch, real binary on a pty, perceived (Enter typed → header drawn)", Goal: "≤ 1.1 RTT",
		Samples: perceived, RTT: true, Note: "includes Bubble Tea's renderer (panel asks for 120 frames/s)"})
	h.add(result{Name: "Org switch, real binary on a pty, complete (org and project drawn)", Goal: "≤ 2.1 RTT",
		Samples: complete, RTT: true})
	h.add(result{Name: "`-` back on the real binary to an org whose token is held, perceived (key typed → header drawn)",
		Goal: "≤ 1 frame (" + ms(frame) + ")", Samples: heldPerceived, RTT: true, Note: "no refresh: the token is used at once"})
	h.add(result{Name: "`-` back on the real binary to an org whose token is held, complete", Goal: "≤ 1 RTT",
		Samples: heldComplete, RTT: true})
	return nil
}

// measurePTYSwitch types key and returns the time until the terminal shows
// the header with target, and with target and a project, and the switch's
// status line.
func (h *harness) measurePTYSwitch(t *ptyTerm, key, target, label string) (shown, done time.Duration, err error) {
	off := t.size()
	start := t.keys(key)
	at, off2, err := t.waitFor("org "+target, off, 30*time.Second)
	if err != nil {
		return 0, 0, err
	}
	end, _, err := t.waitFor("org "+target+"  project ", off2-len("org "+target), 30*time.Second)
	if err != nil {
		return 0, 0, err
	}
	if _, _, err := t.waitFor("Switched to "+target, off, 30*time.Second); err != nil {
		return 0, 0, err
	}
	shown, done = at.Sub(start), end.Sub(start)
	h.logf("switch-pty %s → %s: perceived %s, complete %s", label, target, ms(shown), ms(done))
	return shown, done, nil
}
