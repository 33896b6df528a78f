// Package orgs is `panel orgs`: list, switch to and create organizations.
package orgs

import (
	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmdutil"
)

// NewCmdOrgs returns `panel orgs` and its verbs.
func NewCmdOrgs(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "orgs",
		Aliases: []string{"organizations", "org"},
		Short:   "List, switch and create organizations",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newListCmd(f, nil), newSwitchCmd(f, nil), newCreateCmd(f, nil))
	return cmd
}
