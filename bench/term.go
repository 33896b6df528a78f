package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/panel-dev/panel/internal/ptypair"
)

// ptyTerm runs a program on a pseudo-terminal and plays the terminal: it
// keeps the output, answers the queries a terminal answers (termenv's
// background colour and cursor position, sent by Bubble Tea's init), and
// timestamps when a text shows up.
type ptyTerm struct {
	master *os.File
	cmd    *exec.Cmd

	mu      sync.Mutex
	out     bytes.Buffer
	changed chan struct{} // closed and replaced on every read
	readAt  []stamped     // where each read ended, when
}

type stamped struct {
	end int
	at  time.Time
}

// queries a terminal answers, and the answers of a dark 100×30 terminal.
var queries = []struct{ ask, answer []byte }{
	{[]byte("\x1b]11;?"), []byte("\x1b]11;rgb:0000/0000/0000\x1b\\")},
	{[]byte("\x1b[6n"), []byte("\x1b[1;1R")},
}

// startPTY starts cmd on a new pseudo-terminal; the returned time is just
// before exec.
func startPTY(cmd *exec.Cmd) (*ptyTerm, time.Time, error) {
	master, slave, err := ptypair.Open(30, 100)
	if err != nil {
		return nil, time.Time{}, err
	}
	cmd.Env = append(cmd.Env, "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	t := &ptyTerm{master: master, cmd: cmd, changed: make(chan struct{})}
	go t.read()
	start := time.Now()
	err = cmd.Start()
	_ = slave.Close() // the child has its copy
	if err != nil {
		_ = master.Close()
		return nil, start, err
	}
	return t, start, nil
}

func (t *ptyTerm) read() {
	buf := make([]byte, 64<<10)
	answered := make([]int, len(queries))
	for {
		n, err := t.master.Read(buf)
		if n > 0 {
			now := time.Now()
			t.mu.Lock()
			t.out.Write(buf[:n])
			t.readAt = append(t.readAt, stamped{end: t.out.Len(), at: now})
			for i, q := range queries {
				for c := bytes.Count(t.out.Bytes(), q.ask); answered[i] < c; answered[i]++ {
					_, _ = t.master.Write(q.answer)
				}
			}
			close(t.changed)
			t.changed = make(chan struct{})
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// waitFor waits until text appears in the output after offset from; it
// returns when the read that completed it arrived and the offset after it.
func (t *ptyTerm) waitFor(text string, from int, limit time.Duration) (time.Time, int, error) {
	return t.waitUntil(fmt.Sprintf("%q", text), from, limit, func(out []byte) []int {
		if i := bytes.Index(out, []byte(text)); i >= 0 {
			return []int{i, i + len(text)}
		}
		return nil
	})
}

// arrival is when the byte at offset end-1 was read (t.mu held).
func (t *ptyTerm) arrival(end int) time.Time {
	for _, r := range t.readAt {
		if r.end >= end {
			return r.at
		}
	}
	return time.Now()
}

// size is the output's length so far.
func (t *ptyTerm) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.out.Len()
}

// keys types into the terminal; the returned time is just before the write.
func (t *ptyTerm) keys(s string) time.Time {
	now := time.Now()
	_, _ = t.master.Write([]byte(s))
	return now
}

// stop quits with ctrl+c, then kills after a grace period.
func (t *ptyTerm) stop() {
	_, _ = t.master.Write([]byte{3})
	done := make(chan struct{})
	go func() { _ = t.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		_ = t.cmd.Process.Kill()
		<-done
	}
	_ = t.master.Close()
}

// waitMatch waits until re matches the output after offset from; it
// returns when the read that completed the match arrived and the offset
// after it.
func (t *ptyTerm) waitMatch(re *regexp.Regexp, from int, limit time.Duration) (time.Time, int, error) {
	return t.waitUntil(re.String(), from, limit, re.FindIndex)
}

// waitUntil waits until find locates something in the output after from,
// and returns when the end of it arrived and where it ends.
func (t *ptyTerm) waitUntil(what string, from int, limit time.Duration, find func([]byte) []int) (time.Time, int, error) {
	deadline := time.After(limit)
	for {
		t.mu.Lock()
		out := t.out.Bytes()
		from = min(from, len(out))
		if loc := find(out[from:]); loc != nil {
			end := from + loc[1]
			at := t.arrival(end)
			t.mu.Unlock()
			return at, end, nil
		}
		changed := t.changed
		t.mu.Unlock()
		select {
		case <-changed:
		case <-deadline:
			t.mu.Lock()
			defer t.mu.Unlock()
			tail := t.out.String()
			return time.Time{}, 0, fmt.Errorf("%s not shown in %s; output ends with %q", what, limit, tail[max(0, len(tail)-600):])
		}
	}
}

// peakRSS is the program's peak resident memory (VmHWM in /proc), in MB.
func (t *ptyTerm) peakRSS() (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", t.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseFloat(f[1], 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", t.cmd.Process.Pid)
}
