// Command bench measures panel against its goals (README "Performance")
// with the emulator adding a round trip of -rtt (100 ms) to every response,
// so that figures read as multiples of that RTT:
//
//	go run ./bench                  # every measurement, 5 runs each
//	go run ./bench -runs 9 -only switch-tui,switch-cli
//	go run ./bench -mode external   # only the real binary as a user runs it (processes, a pty)
//	go run ./bench -only switcher -orgs 10000,100000
//	scripts/bench.sh                # the same inside a throwaway keychain (tokens in the Secret Service)
//
// It builds cmd/panel, runs `panel emulator --latency` as a separate process,
// signs a throwaway profile in with `panel login` (this program plays the
// browser), and then measures: the organization switch through the TUI's
// root model (perceived and complete) and as `panel orgs switch`, the TUI's
// first frame as the real binary draws it on a pseudo-terminal, `panel
// status --offline`, the switcher's curve at 1,000, 10,000 and 100,000
// organizations (on the real binary in a pty: `o` → all loaded, key →
// filtered frame, page down → frame, peak RSS from /proc; and the package
// benchmarks), refreshes at expiry (50 calls in one process, 20 processes)
// and the sign-in's callback-to-stored time. Before the first measurement of
// the real binary it builds and times a minimal Go program (print and exit):
// start-up figures are also given as multiples of that floor, since machines
// differ 2–3× in process start. It prints a Markdown table (median, min,
// max) with the machine, its load and the floor, and writes it with the raw
// samples under -out. Benchmarks only measure; the behaviour they rely on is
// asserted by the packages' tests.
package main
