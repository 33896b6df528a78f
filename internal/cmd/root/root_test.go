package root

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
	"github.com/panel-dev/panel/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m) }

// Every command that holds verbs, today's and any added later, refuses a word that names none of them; every
// command takes the root's --debug.
func TestEveryGroupRefusesAMistypedVerb(t *testing.T) {
	groups := 0
	var walk func(*cobra.Command, []string)
	walk = func(c *cobra.Command, path []string) {
		if c.PersistentFlags().Lookup("debug") == nil && c.InheritedFlags().Lookup("debug") == nil {
			t.Errorf("panel %s has no --debug", strings.Join(path, " "))
		}
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
		if !c.HasSubCommands() {
			return
		}
		groups++
		root := cmdtest.Quiet(NewCmdRoot(cmdtest.Factory(), "test"))
		root.SetArgs(append(path[:len(path):len(path)], "zzqx"))
		err := root.Execute()
		if err == nil || !strings.Contains(err.Error(), `unknown command "zzqx"`) {
			t.Errorf("panel %s zzqx: %v", strings.Join(path, " "), err)
		}
	}
	walk(NewCmdRoot(cmdtest.Factory(), "test"), nil)
	if groups < 9 { // panel, orgs, projects, invitations, members, services, logs, sso, completion
		t.Errorf("only %d commands with verbs found", groups)
	}
}

// The table the start builds one branch from names every subcommand of the whole tree, as the subcommand
// itself names it (its name, then its aliases): a renamed command or a new alias cannot leave its words
// building the whole tree, or worse, another branch.
func TestTheTableNamesEverySubcommand(t *testing.T) {
	full := NewCmdRoot(cmdtest.Factory(), "test")
	var got [][]string
	for _, c := range full.Commands() {
		if c.Name() != "help" && c.Name() != "completion" {
			got = append(got, append([]string{c.Name()}, c.Aliases...))
		}
	}
	var want [][]string
	for _, s := range subcommands {
		want = append(want, s.names)
	}
	slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) }) // cobra lists by name
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("the tree's subcommands:\n%v\nthe table's:\n%v", got, want)
	}
}

// Building only the called branch changes nothing a user sees: for every command of the tree, by each of
// its names, its help, and a mistyped verb under a group, read the same as with the whole tree built.
func TestOneBranchActsAsTheWholeTree(t *testing.T) {
	run := func(cmd *cobra.Command, args []string) string {
		var out strings.Builder
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		cmd.SetArgs(args)
		err := cmd.Execute()
		return fmt.Sprintf("%s\nerror: %v", out.String(), err)
	}
	checked := 0
	var walk func(*cobra.Command, []string)
	walk = func(c *cobra.Command, path []string) {
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
		if len(path) == 0 || path[0] == "help" || path[0] == "completion" {
			return
		}
		calls := [][]string{append(path[:len(path):len(path)], "--help")}
		if c.HasSubCommands() {
			calls = append(calls, append(path[:len(path):len(path)], "zzqx"), path)
		}
		if len(path) == 1 {
			for _, alias := range c.Aliases {
				calls = append(calls, []string{alias, "--help"})
			}
		}
		for _, args := range calls {
			whole := run(NewCmdRoot(cmdtest.Factory(), "test"), args)
			branch := run(NewCmdRootFor(cmdtest.Factory(), "test", args), args)
			if whole != branch {
				t.Errorf("panel %s, the whole tree:\n%s\none branch:\n%s", strings.Join(args, " "), whole, branch)
			}
			checked++
		}
	}
	walk(NewCmdRoot(cmdtest.Factory(), "test"), nil)
	if checked < 50 {
		t.Errorf("only %d calls compared", checked)
	}
}

// What one branch cannot answer builds the whole tree: a flag first, help, completion, a mistyped command and
// its suggestions. No arguments (the TUI) needs no subcommand.
func TestTheWholeTreeWhenNoBranchIsNamed(t *testing.T) {
	if got := NewCmdRootFor(cmdtest.Factory(), "test", nil); got.HasSubCommands() || got.RunE == nil {
		t.Errorf("panel alone built %d subcommands (want none) or has no run (the TUI)", len(got.Commands()))
	}
	for _, args := range [][]string{{"--profile", "work", "status"}, {"help", "orgs"}, {"completion", "bash"},
		{"__complete", "orgs", ""}, {"orgz"}} {
		got := len(NewCmdRootFor(cmdtest.Factory(), "test", args).Commands())
		if want := len(NewCmdRoot(cmdtest.Factory(), "test").Commands()); got != want {
			t.Errorf("panel %q: %d subcommands built, the whole tree has %d", args, got, want)
		}
	}
	if got := NewCmdRootFor(cmdtest.Factory(), "test", []string{"org", "switch", "-"}).Commands(); len(got) != 1 ||
		got[0].Name() != "orgs" {
		t.Errorf("panel org switch - built %d subcommands", len(got))
	}
}
