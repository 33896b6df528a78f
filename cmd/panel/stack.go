package main

// A goroutine's stack starts small and doubles whenever a call goes deeper than it, each time copying the
// whole stack and adjusting every frame (found in the binary's tables, pages read from disk on first use).
// A command goes deep (cobra, then encoding/json's reflection), so main's stack grew several times on the
// way, at 2–6% of a short command's CPU. growStack takes the size at once, while the stack holds two frames.

// stackFrame is about what a command's deepest calls use.
const stackFrame = 64 << 10

// never is false; the compiler cannot know it, so it keeps the frame below without ever writing it.
var never bool

//go:noinline
func growStack() {
	if never {
		var frame [stackFrame]byte
		keep(frame[:])
	}
}

//go:noinline
func keep([]byte) {}
