package cmdutil

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// RejectUnknownSubcommands makes a mistyped verb an error (exit 1) at every level of the tree under cmd, as
// gh does: a command with verbs refuses an argument that names none of them, with cobra's suggestions; one
// without a run of its own still prints its help when called alone. Cobra alone prints the help and exits 0
// for `panel orgs swtich`, which a script cannot tell from success.
func RejectUnknownSubcommands(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		if c.Name() == "help" && c.Run != nil {
			rejectUnknownHelpTopics(c)
		}
		RejectUnknownSubcommands(c)
	}
	if !cmd.HasSubCommands() {
		return
	}
	cmd.Args = noUnknownSubcommand
	if cmd.Run == nil && cmd.RunE == nil {
		cmd.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
}

// rejectUnknownHelpTopics makes `panel help orgs swtich` the same error as `panel orgs swtich`, where cobra's
// help command prints the root's usage and exits 0.
func rejectUnknownHelpTopics(help *cobra.Command) {
	show := help.Run
	help.Run = nil
	help.RunE = func(c *cobra.Command, args []string) error {
		if target, rest, err := c.Root().Find(args); err == nil && len(rest) > 0 {
			if err := target.ValidateArgs(rest); err != nil {
				return err
			}
		}
		show(c, args)
		return nil
	}
}

// noUnknownSubcommand accepts no argument: cobra has already matched any verb, so one left here is mistyped.
func noUnknownSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, which SuggestionsFor alone does not apply
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t") + "\n"
	}
	return fmt.Errorf("%s\nRun '%s --help' for usage", msg, cmd.CommandPath())
}
