// Package login is `panel login`: the browser, pasted-address and device-code sign-ins.
package login

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/store"
)

// Options are `panel login`'s flags and what it needs from the factory.
type Options struct {
	IO          *cmdutil.IOStreams
	Ctx         context.Context
	Config      func() (*config.Config, error)
	Session     func() (*auth.Session, error)
	Store       func() (*store.Store, error)
	OpenBrowser func(url string) error

	SignUp, Force, NoBrowser, Device bool
	Email                            string
	OrganizationID                   string // the global --organization-id (PANEL_ORGANIZATION_ID)
	Timeout                          time.Duration
	CallbackPort                     int // 0: the profile's callback_port, else a random port
}

// NewCmdLogin returns `panel login`; runF, when set, replaces Run (flag tests).
func NewCmdLogin(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Config: f.Config, Session: f.Session, Store: f.Store}
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in through the browser (or a device code) and keep the session in the OS keychain",
		Long: "Opens the WorkOS AuthKit sign-in page in your browser and waits for it on a 127.0.0.1 callback.\n" +
			"Without a usable browser (SSH, no display, --no-browser) it prints the address to open and also\n" +
			"accepts the address the browser ends on, pasted here. --device uses a code to enter on any device.\n" +
			"A WorkOS environment that only redirects to registered addresses needs a fixed port: register\n" +
			"http://127.0.0.1:<port>/callback and pass --callback-port <port> (or set callback_port in the\n" +
			"profile). --force signs in again, asking WorkOS for the sign-in page even if the browser is\n" +
			"signed in (to sign in as someone else).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			cfg, err := opts.Config()
			if err != nil {
				return err
			}
			opts.OrganizationID = cfg.OrganizationID
			if opts.CallbackPort < 0 || opts.CallbackPort > 65535 {
				return fmt.Errorf("--callback-port %d is not a TCP port (1-65535)", opts.CallbackPort)
			}
			opts.OpenBrowser = func(url string) error { return auth.OpenBrowser(url, cfg.Browser) }
			if cfg.Token != "" {
				return auth.ErrTokenFromEnvironment
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.SignUp, "signup", false, "create an account (opens the sign-up page)")
	fl.StringVar(&opts.Email, "email", "", "pre-fill the email address on the sign-in page")
	fl.BoolVar(&opts.Force, "force", false, "sign in again even when already signed in")
	fl.BoolVar(&opts.NoBrowser, "no-browser", false, "print the address instead of opening a browser")
	fl.BoolVar(&opts.Device, "device", false, "sign in with a code entered on any device (no callback needed)")
	fl.DurationVar(&opts.Timeout, "timeout", auth.DefaultLoginTimeout, "how long to wait for the sign-in")
	fl.IntVar(&opts.CallbackPort, "callback-port", 0, "listen for the browser's redirect on this 127.0.0.1 `port` "+
		"(the one registered in WorkOS as http://127.0.0.1:<port>/callback; default: the profile's callback_port, else any)")
	return cmd
}

// Run signs in as opts say (what `panel login` runs when no runF replaces it).
func Run(opts *Options) error {
	ctx := opts.Ctx
	s, err := opts.Session()
	if err != nil {
		return err
	}
	if !opts.Force {
		info, err := s.Info(ctx)
		var kerr *auth.KeychainError
		switch {
		case err == nil:
			fmt.Fprintf(opts.IO.ErrOut, "Already signed in as %s%s. Run `panel login --force` to sign in again.\n",
				who(info), inOrganization(info.OrganizationID))
			return nil
		case errors.As(err, &kerr):
			return err
		}
	}
	lines := readLines(opts.IO.In)
	lo := auth.LoginOptions{SignUp: opts.SignUp, Email: opts.Email, OrganizationID: opts.OrganizationID, Timeout: opts.Timeout,
		CallbackPort: opts.CallbackPort, Reauthenticate: opts.Force}
	resumed := resumeOrganization(ctx, opts, s, &lo)
	res, err := signIn(ctx, opts, s, lo, lines)
	if resumed != nil && refusedSignIn(err) {
		res, err = signInWithoutResuming(ctx, opts, s, lo, lines, resumed, err)
	}
	var sel *auth.OrganizationSelectionRequired
	if errors.As(err, &sel) {
		res, err = finishOrganizationSelection(ctx, opts, s, sel, lo, lines)
	}
	if err != nil {
		return err
	}
	forgetLastKnown(opts.Store)
	fmt.Fprintf(opts.IO.ErrOut, "Signed in as %s%s.\nTokens are kept in %s.\n",
		who(res.Info), inOrganization(res.Info.OrganizationID), res.Info.StorageReason)
	sayOrganizationChange(opts.IO.ErrOut, resumed, res.Info.OrganizationID)
	return nil
}

// signIn runs one browser or device sign-in.
func signIn(ctx context.Context, opts *Options, s *auth.Session, lo auth.LoginOptions, lines <-chan string) (*auth.Result, error) {
	if opts.Device {
		return deviceSignIn(ctx, opts, s, lo)
	}
	return browserSignIn(ctx, opts, s, lo, lines)
}

// finishOrganizationSelection lets the user choose (--organization-id, else a prompt), tries the
// organization-selection grant, and when it is refused (WorkOS gives that grant only to clients with a
// secret) signs in through the browser again into that organization (B3a: never a dead end). A device
// sign-in cannot name an organization, so that second sign-in is a browser one after a device one too.
func finishOrganizationSelection(ctx context.Context, opts *Options, s *auth.Session,
	sel *auth.OrganizationSelectionRequired, lo auth.LoginOptions, lines <-chan string) (*auth.Result, error) {
	orgID, err := chooseOrganization(ctx, opts, sel, lines)
	if err != nil {
		return nil, err
	}
	res, err := s.ChooseOrganization(ctx, sel, orgID)
	var ref *auth.RefusedError
	if !errors.As(err, &ref) {
		return res, err
	}
	w := opts.IO.ErrOut
	fmt.Fprintf(w, "WorkOS did not finish the sign-in into %s here (%s).\n", termsafe.Line(orgID), termsafe.Line(ref.Error()))
	if opts.Device {
		fmt.Fprintln(w, "A device code cannot name an organization, so this last step is a browser sign-in into it."+
			" On a machine without a browser, open the address below anywhere and paste back the address it ends on.")
	} else {
		fmt.Fprintln(w, "Signing in again through the browser, straight into it.")
	}
	lo.OrganizationID = orgID
	return browserSignIn(ctx, opts, s, lo, lines)
}

func who(info auth.Info) string {
	if info.Email != "" {
		return termsafe.Line(info.Email)
	}
	return termsafe.Line(info.UserID)
}

func inOrganization(org string) string {
	if org == "" {
		return " (no organization yet)"
	}
	return " in organization " + termsafe.Line(org)
}

// forgetLastKnown drops the last known user/organization/project and organization list: they may belong
// to someone else now.
func forgetLastKnown(open func() (*store.Store, error)) {
	if open == nil {
		return
	}
	if st, err := open(); err == nil {
		_ = st.Update(func(s *store.State) { s.Last = store.LastKnown{} })
		_ = st.ForgetKnownOrganizations()
	}
}
