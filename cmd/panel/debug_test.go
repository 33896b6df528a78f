package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// Every subcommand run with --debug writes the profile's debug log through log/slog: the command (its path and
// the names of the flags set), the HTTP exchanges under it and how it ended. No token of the session, nor one
// panel printed, ever appears in it. Each command is the real binary.
func TestDebugLogForEverySubcommand(t *testing.T) {
	bin := buildPanel(t)
	e := newTestEnv(t, emulator.Options{Seed: faultSeed()})
	d := &debugRun{t: t, bin: bin, env: e.environ(), log: filepath.Join(e.dir, "profiles", "default", "debug.log")}

	d.ok(true, "login", "--email", "alice@example.com")
	for _, args := range [][]string{{"status"}, {"status", "--offline"}, {"orgs", "list"}, {"orgs", "switch", "globex"},
		{"orgs", "switch", "-"}, {"projects", "list"}, {"services", "list"}, {"invitations", "list"},
		{"invitations", "send", "zed@example.com"}, {"members", "list"}, {"members", "remove", "member-0@example.com", "--yes"},
		{"invitations", "received"}, {"sso", "canny", "--company-id", "c1", "--redirect", "https://feedback.example.com", "--print"}} {
		d.ok(args[0] != "status" || len(args) == 1, args...)
	}
	d.secrets = append(d.secrets, strings.TrimSpace(d.ok(false, "token"))) // still valid: no refresh
	_, _, link := discourseLink(t)
	d.ok(true, "sso", "discourse", link, "--print")

	var projects []struct{ ID string }
	d.json(&projects, "projects", "list")
	d.ok(true, "projects", "use", projects[len(projects)-1].ID)
	var sent []struct{ ID, Email string }
	d.json(&sent, "invitations", "list")
	d.ok(true, "invitations", "resend", sent[0].ID)
	d.ok(true, "invitations", "revoke", sent[0].ID)
	var received []struct {
		ID           string
		Organization struct{ Name string }
	}
	d.json(&received, "invitations", "received")
	d.ok(true, "invitations", "decline", received[1].ID)
	d.ok(true, "invitations", "accept", received[0].ID)
	d.ok(true, "members", "leave", "--confirm", received[0].Organization.Name)
	d.ok(true, "orgs", "create", "debug-co")
	d.ok(false, "version")
	d.ok(false, "completion", "bash")
	d.untilInterrupted(true, "logs", "tail", "--service-id", "svc-web")
	d.untilInterrupted(false, "emulator")
	d.ok(true, "logout")

	log, _ := os.ReadFile(d.log)
	for _, s := range d.secrets {
		if s != "" && strings.Contains(string(log), s) {
			t.Errorf("the debug log holds a token (%.12s…)", s)
		}
	}
	if len(d.secrets) < 3 {
		t.Errorf("only %d tokens seen: the check above proved little", len(d.secrets))
	}
}

// `panel demo --debug` logs into the demo's own throwaway profile, not the user's.
func TestDebugLogOfTheDemo(t *testing.T) {
	bin := buildPanel(t)
	env := offlineEnv(t)
	cmd := exec.Command(bin, "demo", "--debug", "--keep")
	cmd.Env = env
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("panel demo --debug: %v\n%s", err, errOut.String())
	}
	m := regexp.MustCompile(`demo config dir: (\S+)`).FindStringSubmatch(errOut.String())
	if m == nil {
		t.Fatalf("no kept dir named:\n%s", errOut.String())
	}
	t.Cleanup(func() { _ = os.RemoveAll(m[1]) })
	log, err := os.ReadFile(filepath.Join(m[1], "profiles", "demo", "debug.log"))
	if err != nil || !strings.Contains(string(log), `path="panel demo"`) || !strings.Contains(string(log), "msg=http") ||
		!strings.Contains(string(log), "msg=exit") {
		t.Errorf("the demo's debug log (%v):\n%s", err, log)
	}
	for _, kv := range env {
		if dir, ok := strings.CutPrefix(kv, "PANEL_CONFIG_DIR="); ok {
			if _, err := os.Stat(filepath.Join(dir, "profiles", "default", "debug.log")); err == nil {
				t.Error("the demo wrote to the user's profile's debug log")
			}
		}
	}
}

// debugRun runs panel commands with --debug and checks what each added to the debug log.
type debugRun struct {
	t        *testing.T
	bin, log string
	env      []string
	secrets  []string // every token seen in the token file or printed
}

// ok runs `panel args... --debug`, which must succeed, and returns its stdout; http says whether the command
// talks to a server.
func (d *debugRun) ok(http bool, args ...string) string {
	d.t.Helper()
	before := d.logSize()
	cmd := exec.Command(d.bin, append(args, "--debug")...)
	cmd.Env = d.env
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		d.t.Fatalf("panel %s --debug: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	d.check(before, args, http, 0)
	return out.String()
}

// json runs `panel args... --json --debug` and decodes its stdout into v.
func (d *debugRun) json(v any, args ...string) {
	d.t.Helper()
	out := d.ok(true, append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		d.t.Fatalf("panel %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// untilInterrupted starts a command that runs until interrupted, waits for its first record, then sends
// SIGINT as Ctrl-C would; it must end with 0 and say so in the log.
func (d *debugRun) untilInterrupted(http bool, args ...string) {
	d.t.Helper()
	before := d.logSize()
	cmd := exec.Command(d.bin, append(args, "--debug")...)
	cmd.Env = d.env
	if err := cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	want := "path=" + quoted("panel "+strings.Join(commandWords(args), " "))
	if http {
		want = "msg=http" // the first exchange: the command is under way
	}
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(d.logSince(before), want) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			d.t.Fatalf("panel %s --debug never logged %q:\n%s", strings.Join(args, " "), want, d.logSince(before))
		}
		time.Sleep(10 * time.Millisecond) // polling the log file for a condition, bounded above
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		d.t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		d.t.Fatalf("panel %s --debug after SIGINT: %v", strings.Join(args, " "), err)
	}
	d.check(before, args, http, 0)
}

// check reads what the command added to the log: its start, HTTP exchanges when it talks to a server, its end.
func (d *debugRun) check(before int64, args []string, http bool, code int) {
	d.t.Helper()
	added := d.logSince(before)
	path := "panel " + strings.Join(commandWords(args), " ")
	start := regexp.MustCompile(`(?m)^time=\S+ level=INFO msg=command pid=\d+ path=` + regexp.QuoteMeta(quoted(path)) + ` flags="?\[[^\]]*debug`)
	end := regexp.MustCompile(`(?m)^time=\S+ level=INFO msg=exit pid=\d+ exit_code=` + strconv.Itoa(code))
	if !start.MatchString(added) || !end.MatchString(added) || http != strings.Contains(added, "msg=http") {
		d.t.Errorf("panel %s --debug added to the debug log:\n%s", strings.Join(args, " "), added)
	}
	d.collectTokens()
}

// commandWords are the leading words of args that name the command (not its arguments).
func commandWords(args []string) []string {
	n := 1
	switch args[0] {
	case "orgs", "projects", "services", "invitations", "members", "sso", "logs", "completion":
		n = 2
	}
	return args[:n]
}

// quoted is how log/slog's text handler writes a string with a space.
func quoted(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}

func (d *debugRun) logSize() int64 {
	fi, err := os.Stat(d.log)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func (d *debugRun) logSince(offset int64) string {
	b, _ := os.ReadFile(d.log)
	if int64(len(b)) < offset {
		return ""
	}
	return string(b[offset:])
}

// collectTokens adds the stored refresh and access tokens to the secrets.
func (d *debugRun) collectTokens() {
	var stored struct {
		Session struct {
			RefreshToken string `json:"refresh_token"`
		} `json:"session"`
		Access map[string]struct {
			Token string `json:"token"`
		} `json:"access_tokens"`
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(d.log), "tokens.json"))
	if err != nil || json.Unmarshal(data, &stored) != nil {
		return // signed out
	}
	d.secrets = append(d.secrets, stored.Session.RefreshToken)
	for _, a := range stored.Access {
		d.secrets = append(d.secrets, a.Token)
	}
}
