package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/orgs"
)

// childSwitcher is the argument that makes this program the switcher's
// measuring process (its memory is the switcher's, not the harness's).
const childSwitcher = "__switcher"

type switcherReport struct {
	Orgs             int
	FirstPage        time.Duration
	Loaded           time.Duration
	RSSMB, PeakMB    float64
	HeapMB, AllocMB  float64 // live heap after a GC; bytes allocated over the whole walk
	FilterKeystrokes int
}

// switcherChild opens the switcher on the profile named by the
// environment, lets it walk every page, types a filter and draws frames, and
// prints a switcherReport.
func switcherChild() int {
	dir := os.Getenv("PANEL_CONFIG_DIR")
	url := os.Getenv("PANEL_BENCH_EMULATOR")
	a, err := app.New(app.Config{ClientID: os.Getenv("PANEL_CLIENT_ID"), AuthURL: url, APIURL: url,
		ProfileDir: filepath.Join(dir, "profiles", "default"), Profile: "default",
		InsecureStorage: os.Getenv("PANEL_BENCH_STORAGE") == "file"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := common.NewContext(ctx, true, nil)
	c.Width, c.Height = 100, 27
	c.App = a
	if info, err := a.Session.Info(ctx); err == nil {
		c.SessionInfo = info
	}
	start := time.Now()
	m := orgs.New(c)
	d := newModelDriver(ctx, screenModel{m}, 100, 27)
	var r switcherReport
	err = waitFrame(d, "every page", 10*time.Minute, func(string) bool {
		n, done := m.Loaded()
		if n > 0 && r.FirstPage == 0 {
			r.FirstPage = time.Since(start)
		}
		return done
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	r.Loaded = time.Since(start)
	r.Orgs, _ = m.Loaded()
	for _, k := range strings.Split("bench-4|2|7", "|") {
		d.Press(k)
		_ = d.View()
		r.FilterKeystrokes += len(k)
	}
	runtime.GC()
	r.RSSMB, r.PeakMB = memoryMB()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapMB, r.AllocMB = float64(ms.HeapInuse)/(1<<20), float64(ms.TotalAlloc)/(1<<20)
	if path := os.Getenv("PANEL_BENCH_HEAPPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if err := errors.Join(pprof.WriteHeapProfile(f), f.Close()); err != nil {
				fmt.Fprintf(os.Stderr, "heap profile %s: %v\n", path, err)
			}
		}
	}
	_ = json.NewEncoder(os.Stdout).Encode(r)
	return 0
}

// screenModel adapts a common.Screen to tea.Model for the driver.
type screenModel struct{ s common.Screen }

func (s screenModel) Init() tea.Cmd { return s.s.Init() }
func (s screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		s.s.SetSize(ws.Width, ws.Height)
		return s, nil
	}
	next, cmd := s.s.Update(msg)
	return screenModel{next}, cmd
}
func (s screenModel) View() string { return s.s.View() }

// memoryMB reads VmRSS and VmHWM (peak resident) of this process.
func memoryMB() (rss, peak float64) {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak
}
