package orgs

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
)

type listOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Search   string
	Statuses []string
	Exporter *export.Exporter
}

func newListCmd(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your organizations (the current one is marked)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for i, s := range opts.Statuses {
				opts.Statuses[i] = strings.ToUpper(s)
				if !validOrgStatus(opts.Statuses[i]) {
					return fmt.Errorf("unknown status %q: use %s", s, orgStatusNames())
				}
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Search, "search", "", "only organizations whose name matches (server search)")
	cmd.Flags().StringSliceVar(&opts.Statuses, "status", nil, "only these statuses (default: the five live ones)")
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.Organization{})
	return cmd
}

func listRun(opts *listOptions) error {
	q := app.OrganizationQuery{Search: opts.Search}
	for _, s := range opts.Statuses {
		q.Statuses = append(q.Statuses, api.OrganizationStatus(s))
	}
	list, err := cmdutil.LoadList(opts.Ctx, opts.IO, opts.App, "Loading organizations", false,
		func(ctx context.Context, a *app.App) (*app.OrganizationList, error) {
			return a.AllOrganizations(ctx, q)
		})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(opts.IO, opts.Exporter, list.Organizations, cmdutil.ListTable[api.Organization]{
		Mark:   "current",
		Marked: func(o api.Organization) bool { return o.ExternalID == list.Current },
		Columns: []cmdutil.Column[api.Organization]{
			{Header: "NAME", Cell: func(_ *cmdutil.Table, o api.Organization) string { return o.Name }},
			{Header: "EXTERNAL ID", Cell: func(_ *cmdutil.Table, o api.Organization) string { return o.ExternalID }, Whole: true},
			{Header: "STATUS", Cell: func(_ *cmdutil.Table, o api.Organization) string { return string(o.Status) }, Whole: true, Status: true},
			{Header: "PLAN", Cell: func(_ *cmdutil.Table, o api.Organization) string { return o.Plan }},
		},
	})
}

func validOrgStatus(s string) bool {
	for _, v := range []api.OrganizationStatus{api.OrganizationWarning, api.OrganizationLocked, api.OrganizationActive,
		api.OrganizationDeactivating, api.OrganizationDeactivated, api.OrganizationDeleting, api.OrganizationDeleted} {
		if string(v) == s {
			return true
		}
	}
	return false
}

func orgStatusNames() string {
	return "WARNING, LOCKED, ACTIVE, DEACTIVATING, DEACTIVATED, DELETING, DELETED"
}
