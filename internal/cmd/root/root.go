// Package root is the `panel` command: its persistent flags and the tree of every subcommand.
package root

import (
	"slices"

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

// subcommand is one of panel's subcommands: the words that call it (its name, then its aliases, as its
// command says them) and how to build it.
type subcommand struct {
	names []string
	build func(f *cmdutil.Factory, buildVersion string) *cobra.Command
}

// subcommands are panel's subcommands (help lists them by name).
var subcommands = []subcommand{
	{[]string{"login"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return login.NewCmdLogin(f, nil) }},
	{[]string{"logout"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return logout.NewCmdLogout(f, nil) }},
	{[]string{"status"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return status.NewCmdStatus(f, nil) }},
	{[]string{"token"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return token.NewCmdToken(f, nil) }},
	{[]string{"orgs", "organizations", "org"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return orgs.NewCmdOrgs(f) }},
	{[]string{"projects", "project"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return projects.NewCmdProjects(f) }},
	{[]string{"invitations", "invitation", "invites"},
		func(f *cmdutil.Factory, _ string) *cobra.Command { return invitations.NewCmdInvitations(f) }},
	{[]string{"members", "member"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return members.NewCmdMembers(f) }},
	{[]string{"services", "service"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return services.NewCmdServices(f) }},
	{[]string{"logs"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return logs.NewCmdLogs(f) }},
	{[]string{"sso"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return sso.NewCmdSSO(f) }},
	{[]string{"emulator"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return emulator.NewCmdEmulator(f, nil) }},
	{[]string{"demo"}, func(f *cmdutil.Factory, _ string) *cobra.Command { return demo.NewCmdDemo(f, nil) }},
	{[]string{demo.BrowserCommand}, func(*cmdutil.Factory, string) *cobra.Command { return demo.NewCmdBrowser() }},
	{[]string{"version"}, func(f *cmdutil.Factory, v string) *cobra.Command { return version.NewCmdVersion(f, v) }},
}

// NewCmdRoot returns `panel` with every subcommand; buildVersion is the one stamped into main at build time.
func NewCmdRoot(f *cmdutil.Factory, buildVersion string) *cobra.Command {
	cmd := newRoot(f)
	for _, s := range subcommands {
		cmd.AddCommand(s.build(f, buildVersion))
	}
	// Last, once every command (cobra's help and completion included) is in the tree.
	cmd.InitDefaultHelpCmd()
	cmd.InitDefaultCompletionCmd()
	cmdutil.RejectUnknownSubcommands(cmd)
	return cmd
}

// NewCmdRootFor returns `panel` ready to run args: when args start with a subcommand's name, only that
// subcommand's branch of the tree is built (every start builds the tree, most run one command); without
// arguments (the TUI) no subcommand at all; otherwise (a flag first, help, completion, a mistyped word and its
// suggestions) the whole tree. Either way the command that runs, its flags, help and errors are the same.
func NewCmdRootFor(f *cmdutil.Factory, buildVersion string, args []string) *cobra.Command {
	if len(args) == 0 {
		cmd := newRoot(f)
		cmd.CompletionOptions.DisableDefaultCmd = true // not called: there is no argument
		return cmd
	}
	i := slices.IndexFunc(subcommands, func(s subcommand) bool { return slices.Contains(s.names, args[0]) })
	if i < 0 {
		return NewCmdRoot(f, buildVersion)
	}
	cmd := newRoot(f)
	cmd.AddCommand(subcommands[i].build(f, buildVersion))
	cmd.CompletionOptions.DisableDefaultCmd = true // not called: `completion` is not args[0]
	cmdutil.RejectUnknownSubcommands(cmd)
	return cmd
}

// newRoot is `panel` alone: its flags, its run (the TUI) and the debug log every command starts.
func newRoot(f *cmdutil.Factory) *cobra.Command {
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
	return cmd
}
