package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// buildFlags are how the bench builds panel and the floor: as the README's
// release build command does (with CGO_ENABLED=0, buildEnv).
var buildFlags = []string{"-trimpath", "-ldflags=-s -w"}

// buildEnv is the environment of those builds: static, like the release.
func buildEnv() []string { return append(os.Environ(), "CGO_ENABLED=0") }

// floorProgram is the smallest Go program that does what a command does at
// least: print a line and exit.
const floorProgram = `package main

import "fmt"

func main() { fmt.Println("ok") }
`

// measureFloor builds floorProgram with buildFlags and times it from start
// to exit (3 warm-ups, then 4 × runs): the start-up floor of this machine in
// this run. Machines here differ 2–3× in process start, so every start-up
// figure is also given as a multiple of it.
func (h *harness) measureFloor() error {
	dir := filepath.Join(h.work, "floor")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(floorProgram), 0o600); err != nil {
		return err
	}
	bin := filepath.Join(dir, "floor")
	build := exec.Command("go", append(append([]string{"build"}, buildFlags...), "-o", bin, "main.go")...)
	build.Dir = dir
	build.Env = append(buildEnv(), "GO111MODULE=off", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build the floor: %w\n%s", err, out)
	}
	var s samples
	for i := range 3 + 4*h.runs {
		start := time.Now()
		if err := exec.Command(bin).Run(); err != nil {
			return err
		}
		if i >= 3 {
			s = append(s, time.Since(start))
		}
	}
	h.floor = s.median()
	h.logf("floor: %v", s)
	h.add(result{Name: "Start-up floor: a minimal Go program (print and exit), start → exit", Goal: "—", Samples: s,
		Note: "built like panel (CGO_ENABLED=0 " + strings.Join(buildFlags, " ") + "); start-up figures below are also given × this median"})
	return nil
}

// floors says d as a multiple of the floor ("" before it was measured).
func (h *harness) floors(d time.Duration) string {
	if h.floor <= 0 {
		return ""
	}
	return fmt.Sprintf("%.1f× floor", float64(d)/float64(h.floor))
}
