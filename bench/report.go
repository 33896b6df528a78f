package main

import (
	"fmt"
	"strings"
	"time"
)

// table renders the results as the README's Markdown table.
func (h *harness) table(stamp string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s on %s (load average %s at the end); tokens in the %s; emulator RTT %s; start-up floor %s; %d runs per figure.\n\n",
		stamp, machine(), load(), h.storage, h.rtt, ms(h.floor), h.runs)
	b.WriteString("| measurement | goal | median | min | max | note |\n|---|---|---|---|---|---|\n")
	for _, r := range h.results {
		med, lo, hi := r.Value, "", ""
		if len(r.Samples) > 0 {
			med, lo, hi = ms(r.Samples.median()), ms(r.Samples.min()), ms(r.Samples.max())
			if r.RTT {
				med += " (" + rtts(r.Samples.median(), h.rtt) + ")"
				lo += " (" + rtts(r.Samples.min(), h.rtt) + ")"
				hi += " (" + rtts(r.Samples.max(), h.rtt) + ")"
			}
			if r.Floor && h.floor > 0 {
				med += " " + h.beyond(r.Samples.median(), r.FloorAfter)
				lo += " " + h.beyond(r.Samples.min(), r.FloorAfter)
				hi += " " + h.beyond(r.Samples.max(), r.FloorAfter)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", r.Name, r.Goal, med, lo, hi, strings.ReplaceAll(r.Note, "|", "/"))
	}
	return b.String()
}

// beyond says d as rtts round trips plus a multiple of the floor:
// "(2.3× floor)", "(2 RTT + 1.8× floor)".
func (h *harness) beyond(d time.Duration, rtts int) string {
	if rtts == 0 {
		return "(" + h.floors(d) + ")"
	}
	return fmt.Sprintf("(%d RTT + %s)", rtts, h.floors(d-time.Duration(rtts)*h.rtt))
}
