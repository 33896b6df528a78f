package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// A mistyped verb is an error (exit 1) at every level of the tree, with cobra's suggestions, piped and on a
// terminal; `help` with a mistyped topic too. A group called alone still prints its help and exits 0.
func TestMistypedSubcommandExits1WithSuggestions(t *testing.T) {
	bin := buildPanel(t)
	env := offlineEnv(t)
	for _, c := range []struct {
		args                   []string
		typed, parent, suggest string
		terminal               bool // also on a terminal (each start there waits for the terminal's colours)
	}{
		{[]string{"orgz"}, "orgz", "panel", "orgs", true},
		{[]string{"orgs", "swtich", "acme"}, "swtich", "panel orgs", "switch", true},
		{[]string{"organizations", "swich"}, "swich", "panel orgs", "switch", false},
		{[]string{"projects", "uze", "web"}, "uze", "panel projects", "use", false},
		{[]string{"invitations", "recieved"}, "recieved", "panel invitations", "received", false},
		{[]string{"members", "leav"}, "leav", "panel members", "leave", false},
		{[]string{"services", "lst"}, "lst", "panel services", "list", false},
		{[]string{"logs", "tial", "web"}, "tial", "panel logs", "tail", false},
		{[]string{"sso", "canyn"}, "canyn", "panel sso", "canny", false},
		{[]string{"completion", "bsh"}, "bsh", "panel completion", "bash", false},
		{[]string{"help", "orgs", "swtich"}, "swtich", "panel orgs", "switch", true},
	} {
		want := `unknown command "` + c.typed + `" for "` + c.parent + `"`
		suggested := regexp.MustCompile(`Did you mean this\?\n\s+` + c.suggest + `\n`)
		cmd := exec.Command(bin, c.args...)
		cmd.Env = env
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 1 || out.Len() != 0 ||
			!strings.Contains(errOut.String(), want) || !suggested.MatchString(errOut.String()) {
			t.Errorf("piped panel %s: exit %d (%v)\nstdout: %q\nstderr: %s", strings.Join(c.args, " "), code, err, out.String(), errOut.String())
		}
		if !c.terminal {
			continue
		}
		tty, code := onTerminal(t, env, bin, c.args...)
		if code != 1 || !strings.Contains(tty, want) || !suggested.MatchString(tty) {
			t.Errorf("panel %s on a terminal: exit %d\n%s", strings.Join(c.args, " "), code, tty)
		}
	}

	cmd := exec.Command(bin, "orgs")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), "Available Commands:") || !strings.Contains(string(out), "switch") {
		t.Errorf("panel orgs alone: %v\n%s", err, out)
	}
}

// offlineEnv is the environment without the developer's panel settings, with a throwaway config dir.
func offlineEnv(t *testing.T) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.HasPrefix(k, "PANEL_") && k != "BROWSER" {
			env = append(env, kv)
		}
	}
	return append(env, "PANEL_CONFIG_DIR="+t.TempDir(), "PANEL_INSECURE_STORAGE=1")
}

// onTerminal runs bin with args on a pseudo-terminal (util-linux's script) and returns what the terminal
// showed (stdout and stderr, line ends as \r\n) and the exit code.
func onTerminal(t *testing.T, env []string, bin string, args ...string) (string, int) {
	t.Helper()
	script, err := exec.LookPath("script")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("script (util-linux) is missing under CI=true")
		}
		t.Skip("script (util-linux) is not installed")
	}
	line := "exec '" + bin + "'"
	for _, a := range args {
		line += " '" + a + "'"
	}
	cmd := exec.Command(script, "--quiet", "--return", "--command", line, "/dev/null")
	cmd.Env = env
	out, _ := cmd.CombinedOutput()
	return strings.ReplaceAll(string(out), "\r\n", "\n"), cmd.ProcessState.ExitCode()
}

// `panel --help` lists the exit codes, and each is what panel does: 0 for success, 1 for a failure (a
// mistyped command), 4 when nobody is signed in.
func TestHelpDocumentsExitCodes(t *testing.T) {
	bin := buildPanel(t)
	e := newTestEnv(t, emulator.Options{})
	help := exec.Command(bin, "--help")
	help.Env = e.environ()
	out, err := help.Output()
	if err != nil {
		t.Fatal(err)
	}
	for code, args := range map[int][]string{exitOK: {"version"}, exitFailure: {"orgs", "swtich"}, exitNotSignedIn: {"status"}} {
		line := regexp.MustCompile(`(?m)^  ` + strconv.Itoa(code) + `  \S`)
		if !strings.Contains(string(out), "Exit codes") || !line.Match(out) {
			t.Errorf("panel --help does not document exit code %d:\n%s", code, out)
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = e.environ()
		_ = cmd.Run()
		if got := cmd.ProcessState.ExitCode(); got != code {
			t.Errorf("panel %s exited %d, want %d", strings.Join(args, " "), got, code)
		}
	}
}
