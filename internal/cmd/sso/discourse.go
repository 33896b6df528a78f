package sso

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/export"
)

type discourseOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Config   func() (*config.Config, error)
	Payload  string // the base64 sso payload, URL-decoded
	Sig      string
	Print    bool
	Exporter *export.Exporter
}

func newDiscourseCmd(f *cmdutil.Factory, runF func(*discourseOptions) error) *cobra.Command {
	opts := &discourseOptions{IO: f.IO, App: f.App, Config: f.Config}
	var ssoFlag string
	cmd := &cobra.Command{
		Use:   "discourse [URL] [--sso S --sig G]",
		Short: "Answer a Discourse sign-in request as you",
		Long: "Answer a Discourse Connect request: pass the whole URL Discourse sent you to, or its sso and sig\n" +
			"values. panel signs the answer and opens Discourse's sso_login page (or prints it with --print).",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Payload, opts.Sig, err = discourseRequest(args, ssoFlag, opts.Sig); err != nil {
				return err
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return discourseRun(opts)
		},
	}
	cmd.Flags().StringVar(&ssoFlag, "sso", "", "the sso value Discourse sent")
	cmd.Flags().StringVar(&opts.Sig, "sig", "", "the sig value Discourse sent")
	cmd.Flags().BoolVar(&opts.Print, "print", false, "print the URL instead of opening it")
	opts.Exporter = cmdutil.AddExportFlagsFields(cmd, "sso", "sig", "url")
	return cmd
}

// discourseRequest reads sso and sig from the URL or the flags; values copied
// from a URL may still be percent-encoded.
func discourseRequest(args []string, sso, sig string) (string, string, error) {
	if len(args) == 1 {
		u, err := url.Parse(args[0])
		if err != nil {
			return "", "", fmt.Errorf("not a URL: %w", err)
		}
		sso, sig = u.Query().Get("sso"), u.Query().Get("sig")
	} else if strings.Contains(sso, "%") {
		if dec, err := url.QueryUnescape(sso); err == nil {
			sso = dec
		}
	}
	if sso == "" || sig == "" {
		return "", "", errors.New("give the URL Discourse sent, or both --sso and --sig")
	}
	return sso, sig, nil
}

func discourseRun(opts *discourseOptions) error {
	returnURL, err := discourseReturnURL(opts.Payload)
	if err != nil {
		return err
	}
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if err := ensureSignedIn(ctx, opts.IO, opts.Config, a, "Discourse"); err != nil {
		return err
	}
	r, err := a.API.DiscourseAuth(ctx, opts.Payload, opts.Sig)
	if err != nil {
		return err
	}
	sep := "?"
	if strings.Contains(returnURL, "?") {
		sep = "&"
	}
	// r.SSO is already URL-encoded by the API: it goes in as is.
	u := returnURL + sep + "sso=" + r.SSO + "&sig=" + url.QueryEscape(r.Sig)
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, map[string]string{"sso": r.SSO, "sig": r.Sig, "url": u})
	}
	return openOrPrint(opts.Ctx, opts.IO, opts.Config, u, opts.Print)
}

// discourseReturnURL is the return_sso_url inside Discourse's payload
// (<discourse>/session/sso_login), where the signed answer goes.
func discourseReturnURL(payload string) (string, error) {
	raw, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return "", errors.New("the sso value is not Discourse's base64 payload")
	}
	q, err := url.ParseQuery(string(raw))
	if err != nil || q.Get("return_sso_url") == "" {
		return "", errors.New("Discourse's payload names no return_sso_url") //nolint:staticcheck // ST1005: a name
	}
	u, err := url.Parse(q.Get("return_sso_url"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("Discourse's return_sso_url %q is not a web address", q.Get("return_sso_url")) //nolint:staticcheck // ST1005: a name
	}
	return u.String(), nil
}
