package main

import (
	"time"
)

// switchPTY measures the same switch as switchTUI on the real binary in a
// pseudo-terminal: Enter typed → the terminal receives the header with the
// new organization (perceived), then with its project (complete). Unlike the
// model driver, this includes Bubble Tea's renderer, which draws on a frame
// tick (120 a second in panel).
func (h *harness) switchPTY() error {
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
	t, _, err := startPTY(p.command())
	if err != nil {
		return err
	}
	defer t.stop()
	if _, _, err := t.waitFor("pending", 0, 30*time.Second); err != nil { // home loaded: the gate passed
		return err
	}
	var perceived, complete samples
	for i := range h.runs {
		target := []string{"globex", "acme"}[i%2]
		off := t.size()
		t.keys("o")
		if _, off, err = t.waitFor("initech", off, 30*time.Second); err != nil {
			return err
		}
		t.keys(target)
		if _, off, err = t.waitFor("1 of ", off, 10*time.Second); err != nil {
			return err
		}
		start := t.keys("\r")
		shown, off2, err := t.waitFor("org "+target, off, 30*time.Second)
		if err != nil {
			return err
		}
		done, _, err := t.waitFor("org "+target+"  project ", off2-len("org "+target), 30*time.Second)
		if err != nil {
			return err
		}
		if _, _, err := t.waitFor("Switched to "+target, off, 30*time.Second); err != nil {
			return err
		}
		h.logf("switch-pty run %d → %s: perceived %s, complete %s", i+1, target, ms(shown.Sub(start)), ms(done.Sub(start)))
		perceived, complete = append(perceived, shown.Sub(start)), append(complete, done.Sub(start))
	}
	h.add(result{Name: "Org switch, real binary on a pty, perceived (Enter typed → header drawn)", Goal: "≤ 1.1 RTT",
		Samples: perceived, RTT: true, Note: "includes Bubble Tea's renderer (panel asks for 120 frames/s)"})
	h.add(result{Name: "Org switch, real binary on a pty, complete (org and project drawn)", Goal: "≤ 2.1 RTT",
		Samples: complete, RTT: true})
	return nil
}
