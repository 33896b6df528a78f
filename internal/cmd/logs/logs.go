// Package logs is `panel logs tail`: follow a service's, deployment's or instance's logs.
package logs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/termsafe"
)

// NewCmdLogs returns `panel logs` and its verbs.
func NewCmdLogs(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Follow service logs",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newTailCmd(f, nil))
	return cmd
}

type tailOptions struct {
	IO      *cmdutil.IOStreams
	App     func() (*app.App, error)
	Ctx     context.Context
	Service string // a service's name or id, resolved in the current project
	Filter  api.LogsFilter
	Since   time.Duration
	Lines   int
	JSON    bool
	Raw     bool
}

func newTailCmd(f *cmdutil.Factory, runF func(*tailOptions) error) *cobra.Command {
	opts := &tailOptions{IO: f.IO, App: f.App}
	var instanceID string
	cmd := &cobra.Command{
		Use:   "tail [<service name|id> | --service-id ID | --deployment-id ID | --instance-id ID] [--type build|runtime]",
		Short: "Follow the logs of a service, deployment or instance until interrupted",
		Long: "Follow the logs of a service, deployment or instance until interrupted. A service is named by its\n" +
			"name in the current project (app/name when two apps have one of that name) or by its id.\n" +
			"It first shows the last --lines lines of the last --since (0 lines: only what comes next), then\n" +
			"every new line; a dropped connection resumes after the last line shown, never showing one twice.\n" +
			"Each line is shown safe for the terminal: control characters and escape sequences become U+FFFD\n" +
			"(\ufffd), tabs become spaces. --json prints each entry exact (as escaped JSON); --raw passes the\n" +
			"messages' bytes through unchanged.",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: f.Completion().Args(app.NamesServices),
		RunE: func(cmd *cobra.Command, args []string) error {
			if instanceID != "" {
				opts.Filter.InstanceIDs = []string{instanceID}
			}
			if len(args) == 1 {
				opts.Service = args[0]
			}
			fl := opts.Filter
			named := 0
			for _, set := range []bool{opts.Service != "", fl.ServiceID != "", fl.DeploymentID != "", len(fl.InstanceIDs) > 0, fl.AppID != ""} {
				if set {
					named++
				}
			}
			switch {
			case named == 0:
				return errors.New("name what to follow: a service (name or id), --service-id, --deployment-id or --instance-id")
			case named > 1 && opts.Service != "":
				return errors.New("name the service either as an argument or with a flag, not both")
			}
			switch opts.Filter.Type = strings.ToLower(opts.Filter.Type); opts.Filter.Type {
			case "", "build", "runtime":
			default:
				return fmt.Errorf("--type is build or runtime, not %q", opts.Filter.Type)
			}
			if opts.Lines < 0 || opts.Lines > api.MaxTailLimit {
				return fmt.Errorf("--lines is 0 to %d", api.MaxTailLimit)
			}
			if opts.Since <= 0 {
				return errors.New("--since must be a positive duration, such as 10m or 2h")
			}
			if opts.JSON && opts.Raw {
				return errors.New("--json and --raw cannot be used together")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return tailRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Filter.ServiceID, "service-id", "", "a service, by id")
	fl.StringVar(&opts.Filter.DeploymentID, "deployment-id", "", "a deployment")
	fl.StringVar(&instanceID, "instance-id", "", "an instance")
	fl.StringVar(&opts.Filter.AppID, "app-id", "", "an app")
	fl.StringVar(&opts.Filter.Type, "type", "", "build or runtime (default runtime)")
	fl.DurationVar(&opts.Since, "since", app.DefaultTailSince, "how far back the first lines may reach")
	fl.IntVar(&opts.Lines, "lines", app.DefaultTailLines, "at most this many earlier lines before following (0: none)")
	fl.BoolVar(&opts.JSON, "json", false, "print each line as a JSON LogEntry (one per line)")
	fl.BoolVar(&opts.Raw, "raw", false, "print each message's bytes as they came, escape sequences included: the one "+
		"output that lets log text drive your terminal (for a pipe or a log file, not for lines you do not trust)")
	return cmd
}

func tailRun(opts *tailOptions) error {
	a, err := opts.App()
	if err != nil {
		return err
	}
	ctx := opts.Ctx // runs until interrupted
	if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
		return err
	}
	var stream *api.LogStream
	err = cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
		if opts.Service != "" {
			s, err := resolveService(ctx, opts.IO, a, opts.Service)
			if err != nil {
				return err
			}
			opts.Filter.ServiceID = s.ID
		}
		// The first dial is a read like any other: retried after a 5xx, a 429 or a network failure.
		return a.API.Retrying(ctx, "TailLogs", func(ctx context.Context) error {
			stream, err = a.TailLogs(ctx, opts.Filter, app.TailOptions{Since: opts.Since, Lines: opts.Lines})
			return err
		})
	})
	if err != nil {
		if stream != nil {
			stream.Close()
		}
		return err
	}
	defer stream.Close()
	for {
		line, err := stream.Next(ctx)
		switch {
		case errors.Is(err, io.EOF) || (err != nil && ctx.Err() != nil):
			return nil // the server ended the stream, or the user interrupted it
		case err != nil:
			return fmt.Errorf("the log stream stopped: %w", err)
		}
		if opts.JSON {
			if err := cmdutil.PrintJSONLine(opts.IO.Out, line); err != nil {
				return err
			}
			continue
		}
		if err := printLogLine(opts, line); err != nil {
			return err
		}
	}
}

// printLogLine writes one entry: with --raw its message as it came; otherwise each of its lines after the
// timestamp, sanitized (B24: controls become U+FFFD, tabs become spaces).
func printLogLine(opts *tailOptions, e api.LogEntry) error {
	if opts.Raw {
		_, err := io.WriteString(opts.IO.Raw(), e.Msg+"\n")
		return err
	}
	ts := e.CreatedAt.Local().Format(time.DateTime)
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(e.Msg, "\r\n"), "\n") {
		b.WriteString(ts + "  " + termsafe.Line(strings.TrimSuffix(l, "\r")) + "\n")
	}
	_, err := io.WriteString(opts.IO.Out, b.String())
	return err
}
