package testmain

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// fakeM counts runs and returns a fixed code, standing in for *testing.M.
type fakeM struct {
	code, runs int
}

func (m *fakeM) Run() int { m.runs++; return m.code }

func noEnv(string) string { return "" }
func full() bool          { return true }
func narrowed() bool      { return false }

func TestChecksRunOnlyAfterAPassingFullRun(t *testing.T) {
	failing := func() error { return errors.New("operations no test exercised: ExecCommand") }
	cases := []struct {
		name     string
		code     int
		full     func() bool
		want     int
		wantFail bool
	}{
		{"passing full run", 0, full, 1, true},
		{"passing narrowed run", 0, narrowed, 0, false},
		{"failing full run keeps its code", 3, full, 3, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			got := run(&fakeM{code: c.code}, noEnv, nil, c.full, &stderr, AfterFullRun(failing))
			if got != c.want {
				t.Errorf("code %d, want %d", got, c.want)
			}
			if printed := strings.Contains(stderr.String(), "FAIL: operations no test exercised: ExecCommand"); printed != c.wantFail {
				t.Errorf("stderr %q", stderr.String())
			}
		})
	}
	var stderr bytes.Buffer
	if got := run(&fakeM{}, noEnv, nil, full, &stderr, AfterFullRun(func() error { return nil })); got != 0 {
		t.Errorf("a passing check fails the run: %d %q", got, stderr.String())
	}
}

func TestARoleReplacesTheTests(t *testing.T) {
	m := &fakeM{}
	var gotArgs []string
	getenv := func(k string) string {
		if k == "PLAY_PANEL" {
			return "1"
		}
		return ""
	}
	role := ActAs("PLAY_PANEL", func(args []string) int { gotArgs = args; return 4 })
	if code := run(m, getenv, []string{"status", "--json"}, full, &bytes.Buffer{}, role); code != 4 {
		t.Errorf("code %d, want the role's 4", code)
	}
	if m.runs != 0 || strings.Join(gotArgs, " ") != "status --json" {
		t.Errorf("tests ran %d times; role got %q", m.runs, gotArgs)
	}
	if code := run(m, noEnv, nil, full, &bytes.Buffer{}, role); code != 0 || m.runs != 1 {
		t.Errorf("without the variable the tests must run: code %d, runs %d", code, m.runs)
	}
}

func TestTheBrowserRoleGetsItsURL(t *testing.T) {
	hits := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits <- r.URL.Path
	}))
	defer srv.Close()
	getenv := func(string) string { return "1" }
	if code := run(&fakeM{}, getenv, []string{srv.URL + "/callback"}, full, &bytes.Buffer{}, ActAsBrowser("B")); code != 0 {
		t.Fatalf("browser exit %d", code)
	}
	if got := <-hits; got != "/callback" {
		t.Errorf("GET %q", got)
	}
	if code := run(&fakeM{}, getenv, nil, full, &bytes.Buffer{}, ActAsBrowser("B")); code == 0 {
		t.Error("a browser run without a URL must fail")
	}
}

func TestASCIIColorsPinsTheProfileBeforeTheTests(t *testing.T) {
	prev := lipgloss.ColorProfile()
	t.Cleanup(func() { lipgloss.SetColorProfile(prev) })
	lipgloss.SetColorProfile(termenv.TrueColor)
	var during termenv.Profile
	m := runFunc(func() int { during = lipgloss.ColorProfile(); return 0 })
	run(m, noEnv, nil, full, &bytes.Buffer{}, ASCIIColors())
	if during != termenv.Ascii {
		t.Errorf("profile during the tests %v, want Ascii", during)
	}
	if out := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff0000")).Render("x"); out != "x" {
		t.Errorf("styled text %q carries escape codes", out)
	}
}

type runFunc func() int

func (f runFunc) Run() int { return f() }
