package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/spectest"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/internal/termsafe/termsafetest"
)

// hostileReads are the commands that print the hostile seed's data without changing it: each runs through
// the command tree (its streams unguarded, so every field must be sanitized where it is formatted) and
// through the real binary (as a user gets it). shows is visible text each output must hold, so that a
// command that printed nothing cannot pass.
var hostileReads = []struct {
	args  []string
	shows string
}{
	{[]string{"status"}, "PWNED-TITLE"},
	{[]string{"status", "--offline"}, "alice@example.com"},
	{[]string{"orgs", "list"}, "acme"},
	{[]string{"orgs", "list", "--status", "ACTIVE"}, "globex"},
	{[]string{"projects", "list"}, "web"},
	{[]string{"services", "list"}, "shop"},
	{[]string{"members", "list"}, "mallory"},
	{[]string{"invitations", "list", "--status", "PENDING,EXPIRED"}, "victim"},
	{[]string{"invitations", "received"}, "umbrella"},
}

// TestHostileTextCommandTree: no control, escape sequence, bidi control or forged line from the hostile
// seed reaches the bytes the commands write, whatever the command (B24).
func TestHostileTextCommandTree(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Hostile()}, "alice@example.com")
	for _, r := range hostileReads {
		out, errOut, code := c.panel("", r.args...)
		where := "panel " + strings.Join(r.args, " ")
		if code != 0 {
			t.Fatalf("%s exited %d:\n%s%s", where, code, out, errOut)
		}
		termsafetest.Assert(t, where, out, false)
		termsafetest.Assert(t, where+" (stderr)", errOut, false)
		if !strings.Contains(out, r.shows) {
			t.Errorf("%s does not show %q:\n%s", where, r.shows, out)
		}
	}
}

// TestHostileTextOnAColourTerminal: the same reads as a colour terminal gets them (tables with a header,
// fitted and coloured; --json coloured), stdout unguarded: only our SGR styling, no control from the data.
func TestHostileTextOnAColourTerminal(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Hostile()}, "alice@example.com")
	c.terminal, c.color, c.width = true, true, 100
	for _, r := range hostileReads {
		for _, args := range [][]string{r.args, append(append([]string(nil), r.args...), "--json")} {
			out, errOut, code := c.panel("", args...)
			where := "panel " + strings.Join(args, " ") + " on a colour terminal"
			if code != 0 {
				t.Fatalf("%s exited %d:\n%s%s", where, code, out, errOut)
			}
			termsafetest.Assert(t, where, out, true)
			if (args[0] != "status" || args[len(args)-1] == "--json") && !strings.Contains(out, "\x1b[") {
				t.Errorf("%s has no colour:\n%s", where, out)
			}
		}
	}
}

// TestHostileTextRealBinary: the same reads through the real process and its real stdout and stderr.
func TestHostileTextRealBinary(t *testing.T) {
	e := newTestEnv(t, emulator.Options{Seed: seed.Hostile()})
	env := e.environ()
	if _, errOut, code := e.run(env, "", "login", "--email", "alice@example.com"); code != 0 {
		t.Fatalf("login exited %d:\n%s", code, errOut)
	} else {
		termsafetest.Assert(t, "panel login", errOut, false)
	}
	for _, r := range hostileReads {
		out, errOut, code := e.run(env, "", r.args...)
		where := "panel " + strings.Join(r.args, " ")
		if code != 0 {
			t.Fatalf("%s exited %d:\n%s%s", where, code, out, errOut)
		}
		termsafetest.Assert(t, where, out, false)
		termsafetest.Assert(t, where+" (stderr)", errOut, false)
	}
}

// TestHostileTextJSONKeepsTheDataExact: --json escapes what a terminal would act on and still decodes to
// the server's exact strings.
func TestHostileTextJSONKeepsTheDataExact(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Hostile()}, "alice@example.com")
	want := map[string]bool{}
	for _, o := range seed.Hostile().Organizations {
		want[o.Name] = true
	}
	for _, args := range [][]string{{"orgs", "list"}, {"projects", "list"}, {"services", "list"}, {"members", "list"},
		{"invitations", "list", "--status", "PENDING,EXPIRED"}, {"invitations", "received"}, {"status"}} {
		out := c.ok(append(args, "--json")...)
		where := "panel " + strings.Join(args, " ") + " --json"
		termsafetest.Assert(t, where, out, false)
		if !json.Valid([]byte(out)) {
			t.Fatalf("%s is not JSON:\n%s", where, out)
		}
	}
	var orgs []struct{ Name string }
	c.okJSON(&orgs, "orgs", "list")
	for _, o := range orgs {
		if !want[o.Name] {
			t.Errorf("orgs list --json changed a name into %q", o.Name)
		}
	}
	if len(orgs) != 2 {
		t.Errorf("orgs list --json = %d organizations", len(orgs))
	}
}

// TestHostileTextWrites: the commands that change something and say so (switch, use, accept, remove,
// leave), and their prompts, print the hostile names sanitized.
func TestHostileTextWrites(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Hostile()}, "alice@example.com")
	var projects []struct{ ID, Name string }
	c.okJSON(&projects, "projects", "list")
	var members []struct {
		ID   string
		User struct{ Email string }
	}
	c.okJSON(&members, "members", "list")
	var received []struct{ ID string }
	c.okJSON(&received, "invitations", "received")
	var sent []struct{ ID, Email string }
	c.okJSON(&sent, "invitations", "list")
	if len(projects) < 2 || len(members) < 3 || len(received) != 1 || len(sent) != 2 {
		t.Fatalf("the hostile seed did not load as expected: %d projects, %d members, %d received, %d sent",
			len(projects), len(members), len(received), len(sent))
	}
	mallory := ""
	for _, m := range members {
		if strings.HasPrefix(m.User.Email, "mallory") {
			mallory = m.ID
		}
	}
	acme := seed.Hostile().Organizations[0].Name
	steps := []struct {
		stdin    string
		terminal bool
		args     []string
	}{
		{"", false, []string{"projects", "use", projects[1].ID}},
		{"", false, []string{"orgs", "switch", "org_globex"}},
		{"", false, []string{"orgs", "switch", "-"}},
		{"", false, []string{"invitations", "resend", sent[0].ID}},
		{"y\n", true, []string{"members", "remove", mallory}},
		{"", false, []string{"invitations", "accept", received[0].ID}},
		{"", false, []string{"orgs", "switch", "org_acme"}},
		{"", false, []string{"members", "leave", "--confirm", acme}},
	}
	for _, s := range steps {
		c.terminal = s.terminal
		out, errOut, code := c.panel(s.stdin, s.args...)
		where := "panel " + strings.Join(s.args, " ")
		if code != 0 {
			t.Fatalf("%s exited %d:\n%s%s", where, code, out, errOut)
		}
		termsafetest.Assert(t, where, out, false)
		termsafetest.Assert(t, where+" (stderr)", errOut, false)
		if !strings.Contains(out+errOut, string(termsafe.Placeholder)) {
			t.Errorf("%s printed no hostile field:\n%s%s", where, out, errOut)
		}
	}
}

// TestHostileTextLogsTail: log lines are sanitized (tabs become spaces, a line break starts a new
// timestamped line), --json keeps them exact, and --raw alone passes the bytes through. The service is
// named by its hostile name, as a script could pass it back.
func TestHostileTextLogsTail(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Hostile()}, "alice@example.com")
	msgs := seed.Hostile().LogMessages
	service := seed.Hostile().Organizations[0].Projects[0].Apps[0].Services[0].Name
	tail := func(extra ...string) string {
		args := append([]string{"logs", "tail", service, "--lines", "20"}, extra...)
		out := c.follow(t, len(msgs)+2, args...)
		return out
	}
	text := tail()
	termsafetest.Assert(t, "panel logs tail", text, false)
	if !strings.Contains(text, "tab     separated") || !strings.Contains(text, "PWNED-TITLE") {
		t.Errorf("logs tail lost the lines' text:\n%s", text)
	}
	js := tail("--json")
	termsafetest.Assert(t, "panel logs tail --json", js, false)
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(js), "\n") {
		var e struct{ Msg string }
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("logs tail --json line %q: %v", l, err)
		}
		seen[e.Msg] = true
	}
	for _, m := range msgs {
		if !seen[m] {
			t.Errorf("logs tail --json never gave %q exactly", m)
		}
	}
	raw := tail("--raw")
	if !strings.Contains(raw, "\x1b]52;c;UFdORUQtQ0xJUA==\x07") || !strings.Contains(raw, "tab\tseparated") {
		t.Errorf("logs tail --raw did not pass the bytes through:\n%q", raw)
	}
}

// follow runs a command that runs until interrupted, stops it (as Ctrl-C would) once stdout has n lines,
// and returns stdout.
func (c *cliEnv) follow(t *testing.T, n int, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(testCtx(t))
	defer cancel()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	done := make(chan int)
	go func() {
		f := newFactory(ctx)
		f.IO = &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}
		f.HTTPTransport = spectest.Transport(c.t, nil)
		root := newRootCmd(f)
		root.SetArgs(args)
		done <- reportError(f.IO, root.ExecuteContext(ctx))
	}()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(out.String(), "\n") < n && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // polling a condition with a deadline
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("panel %s exited %d:\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}
