package main

import (
	"fmt"
	"strings"
)

// table renders the results as the README's Markdown table.
func (h *harness) table(stamp string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s on %s; tokens in the %s; emulator RTT %s; %d runs per figure.\n\n",
		stamp, machine(), h.storage, h.rtt, h.runs)
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
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", r.Name, r.Goal, med, lo, hi, strings.ReplaceAll(r.Note, "|", "/"))
	}
	return b.String()
}
