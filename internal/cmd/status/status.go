// Package status is `panel status`: who is signed in, where, and the session.
package status

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/store"
)

// Options are `panel status`'s flags and what it needs from the factory.
type Options struct {
	IO       *cmdutil.IOStreams
	Ctx      context.Context
	App      func() (*app.App, error)
	Exporter *export.Exporter
	Offline  bool
}

// statusReport is `panel status --json`, a shape scripts rely on: the API's own objects for user,
// organization and project (null when unknown or none), and the session; signed_in is false (and the rest
// null) when there is no session.
type statusReport struct {
	SignedIn     bool           `json:"signed_in"`
	User         any            `json:"user"`
	Organization any            `json:"organization"`
	Project      any            `json:"project"`
	Session      *sessionReport `json:"session"`
}

type sessionReport struct {
	ID            string `json:"id,omitempty"`
	ExpiresAt     string `json:"expires_at,omitempty"` // the access token's expiry, RFC 3339
	Storage       string `json:"storage"`              // "keyring", "file" or "env"
	StorageReason string `json:"storage_reason,omitempty"`
	Offline       bool   `json:"offline,omitempty"` // answered from the local store, without the network
}

// NewCmdStatus returns `panel status`; runF, when set, replaces the run (flag tests).
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show who is signed in, the organization, the project, the session and where tokens are kept",
		Long: "Asks the server for the profile and the current organization (a revoked session signs out and\n" +
			"exits 4). --offline answers from the local state alone, fast enough for a shell prompt.\n" +
			"Exits 4 when not signed in.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlagsFields(cmd, "signed_in", "user", "organization", "project", "session")
	cmd.Flags().BoolVar(&opts.Offline, "offline", false, "answer from the local state only (no network)")
	return cmd
}

func statusRun(opts *Options) error {
	ctx := opts.Ctx
	a, err := opts.App()
	if err != nil {
		return err
	}
	info, err := a.Session.Info(ctx)
	if err != nil {
		return signedOut(opts, err)
	}
	var r statusReport
	if opts.Offline {
		err = fillFromStore(a.Store, info, &r)
	} else {
		var lost *app.MembershipLostError
		err = opts.IO.WithProgress("Checking the session", func() error {
			info, lost, err = fillFromServer(ctx, a, &r)
			return err
		})
		if lost != nil {
			fmt.Fprintln(opts.IO.ErrOut, "panel:", termsafe.Line(lost.Error()))
		}
	}
	if err != nil {
		return signedOut(opts, err)
	}
	r.SignedIn = true
	r.Session = sessionOf(info, opts.Offline)
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, r)
	}
	printStatus(opts.IO, info, r)
	return nil
}

// signedOut ends a status without a session (never signed in, signed out, revoked: exit 4); --json still
// prints what scripts test, {"signed_in": false, …}.
func signedOut(opts *Options, err error) error {
	if opts.Exporter.Enabled() && (errors.Is(err, auth.ErrLoginRequired) || errors.Is(err, auth.ErrSessionRevoked)) {
		if perr := opts.IO.Export(opts.Exporter, statusReport{}); perr != nil {
			return perr
		}
	}
	return err
}

// fillFromServer refreshes the token if needed, checks the session (B10: a revoked one signs out, exit
// 4), and loads the profile and the current project. In a deactivated organization, whose tokens the API
// rejects, the organization is the one last seen with its status DEACTIVATED and the user the one last
// known: the session is still there, and scripts must see where it is.
//
// A lost membership (the session kept, moved to another organization) is returned for the caller to say,
// and the report is the new organization's.
func fillFromServer(ctx context.Context, a *app.App, r *statusReport) (auth.Info, *app.MembershipLostError, error) {
	if _, err := a.Session.Token(ctx); err != nil {
		return auth.Info{}, nil, err
	}
	org, err := a.CheckSession(ctx)
	var lost *app.MembershipLostError
	if errors.As(err, &lost) && lost.SwitchedTo != nil {
		org, err = &lost.SwitchedTo.Organization, nil
	}
	if api.IsOrgDeactivated(err) {
		info, err := deactivated(ctx, a, r)
		return info, nil, err
	}
	if err != nil {
		return auth.Info{}, nil, err
	}
	user, err := a.API.GetCurrentUser(ctx)
	if err != nil {
		return auth.Info{}, nil, err
	}
	r.User = user
	a.RememberUser(user)
	if org != nil {
		r.Organization = org
		if p, err := a.CurrentProject(ctx); err == nil && p != nil {
			r.Project = p
		}
	}
	info, err := a.Session.Info(ctx)
	return info, lost, err
}

// deactivated fills the report of a session whose organization rejects its tokens.
func deactivated(ctx context.Context, a *app.App, r *statusReport) (auth.Info, error) {
	info, err := a.Session.Info(ctx)
	if err != nil {
		return info, err
	}
	org := api.Organization{ExternalID: info.OrganizationID}
	if known, ok := a.KnownOrganization(info.OrganizationID); ok {
		org = *known
	}
	org.Status = api.OrganizationDeactivated
	r.Organization = &org
	if user, err := a.API.GetCurrentUser(ctx); err == nil {
		r.User = user
		return info, nil
	}
	if s, err := a.Store.Load(); err == nil && s.Last.User != nil {
		r.User = s.Last.User
	} else {
		r.User = &store.User{ID: info.UserID, Email: info.Email}
	}
	return info, nil
}

// fillFromStore answers from the last known state (no network); an organization the session is not in
// any more is not shown.
func fillFromStore(st *store.Store, info auth.Info, r *statusReport) error {
	s, err := st.Load()
	if err != nil {
		return err
	}
	if u := s.Last.User; u != nil {
		r.User = u
	} else {
		r.User = &store.User{ID: info.UserID, Email: info.Email}
	}
	if o := s.Last.Organization; o != nil && o.ExternalID == info.OrganizationID {
		r.Organization = o
		if p := s.Last.Project; p != nil && p.OrganizationID == o.ID {
			r.Project = p
		}
	} else if info.OrganizationID != "" {
		r.Organization = &store.Organization{ExternalID: info.OrganizationID}
	}
	return nil
}

func sessionOf(info auth.Info, offline bool) *sessionReport {
	s := &sessionReport{ID: info.SessionID, Storage: info.Storage, StorageReason: info.StorageReason, Offline: offline}
	if !info.ExpiresAt.IsZero() {
		s.ExpiresAt = info.ExpiresAt.UTC().Format(time.RFC3339)
	}
	return s
}
