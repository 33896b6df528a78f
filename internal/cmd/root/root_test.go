package root

import (
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
