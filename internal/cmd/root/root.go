// Package root is the `panel` command: its persistent flags and the tree of every subcommand.
package root

import (
	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmd/demo"
	"github.com/panel-dev/panel/internal/cmd/emulator"
	"github.com/panel-dev/panel/internal/cmd/invitations"
	"github.com/panel-dev/panel/internal/cmd/login"
	"github.com/panel-dev/panel/internal/cmd/logout"
	"github.com/panel-dev/panel/internal/cmd/logs"
	"github.com/panel-dev/panel/internal/cmd/members"
	"github.com/panel-dev/panel/internal/cmd/orgs"
	"github.com/panel-dev/panel/internal/cmd/projects"
	"github.com/panel-dev/panel/internal/cmd/services"
	"github.com/panel-dev/panel/internal/cmd/sso"
	"github.com/panel-dev/panel/internal/cmd/status"
	"github.com/panel-dev/panel/internal/cmd/token"
	tuicmd "github.com/panel-dev/panel/internal/cmd/tui"
	"github.com/panel-dev/panel/internal/cmd/version"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// NewCmdRoot returns `panel` with every subcommand; version is the build's.
func NewCmdRoot(f *cmdutil.Factory, buildVersion string) *cobra.Command {
	var invitation string
	cmd := &cobra.Command{
		Use:   "panel",
		Short: "A terminal control panel for your organizations, projects, invitations and members",
		Long: "panel signs you in through the browser (WorkOS AuthKit), keeps the session in the OS keychain,\n" +
			"and lets you switch organization, pick a project, manage invitations and members, and tail logs.\n" +
			"Run it with no arguments for the TUI; every screen also has a scriptable subcommand.\n\n" +
			"Exit codes (every command):\n" +
			"  0  success\n" +
			"  1  failure, including a mistyped command or flag\n" +
			"  4  not signed in, or the session was revoked (run `panel login`)\n\n" +
			"--debug (or PANEL_DEBUG=1) logs any command to debug.log in the profile's directory: the command, its\n" +
			"HTTP exchanges (method, path, status, time) and how it ended; never a token.",
		SilenceUsage:  true,
		SilenceErrors: true,
		// Every command logs to the profile's debug log with --debug (a command with its own profile,
		// the demo, replaces this).
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return f.StartDebugLog(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			return tuicmd.RunAt(f, invitation)
		},
	}
	cmd.Flags().StringVar(&invitation, "invitation", "",
		"open the TUI on this invitation (its id or link); works signed out, then offers sign-in or sign-up")
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.Overrides.Profile, "profile", "", "configuration profile (env PANEL_PROFILE)")
	pf.StringVar(&f.Overrides.ClientID, "client-id", "", "WorkOS client ID (env PANEL_CLIENT_ID)")
	pf.StringVar(&f.Overrides.AuthURL, "auth-url", "", "WorkOS API base URL (env PANEL_AUTH_URL)")
	pf.StringVar(&f.Overrides.APIURL, "api-url", "", "control-panel API base URL (env PANEL_API_URL)")
	pf.StringVar(&f.Overrides.OrganizationID, "organization-id", "",
		"organization (name or external_id) for this process only; the stored default is kept (env PANEL_ORGANIZATION_ID)")
	_ = cmd.RegisterFlagCompletionFunc("organization-id", f.Completion().Organizations())
	pf.BoolVar(&f.Overrides.InsecureStorage, "insecure-storage", false,
		"keep tokens in a 0600 file under the config dir instead of the OS keychain (env PANEL_INSECURE_STORAGE=1)")
	pf.BoolVar(&f.Overrides.Debug, "debug", false, "write a debug log (never tokens) under the profile directory")

	cmd.AddCommand(
		login.NewCmdLogin(f, nil),
		logout.NewCmdLogout(f, nil),
		status.NewCmdStatus(f, nil),
		token.NewCmdToken(f, nil),
		orgs.NewCmdOrgs(f),
		projects.NewCmdProjects(f),
		invitations.NewCmdInvitations(f),
		members.NewCmdMembers(f),
		services.NewCmdServices(f),
		logs.NewCmdLogs(f),
		sso.NewCmdSSO(f),
		emulator.NewCmdEmulator(f, nil),
		demo.NewCmdDemo(f, nil),
		demo.NewCmdBrowser(),
		version.NewCmdVersion(f, buildVersion),
	)
	// Last, once every command (cobra's help and completion included) is in the tree.
	cmd.InitDefaultHelpCmd()
	cmd.InitDefaultCompletionCmd()
	cmdutil.RejectUnknownSubcommands(cmd)
	return cmd
}
