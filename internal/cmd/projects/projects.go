// Package projects is `panel projects`: list the organization's projects and pick the current one.
package projects

import (
	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmdutil"
)

// NewCmdProjects returns `panel projects` and its verbs.
func NewCmdProjects(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "projects",
		Aliases: []string{"project"},
		Short:   "List the organization's projects and pick the current one",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newListCmd(f, nil), newUseCmd(f, nil))
	return cmd
}
