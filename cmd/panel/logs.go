package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/termsafe"
)

func init() { subcommands = append(subcommands, newLogsCmd) }

func newLogsCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Follow service logs",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newLogsTailCmd(f, nil))
	return cmd
}

type logsTailOptions struct {
	f      *Factory
	Filter api.LogsFilter
	Lines  int
	JSON   bool
	Raw    bool
}

func newLogsTailCmd(f *Factory, runF func(*logsTailOptions) error) *cobra.Command {
	opts := &logsTailOptions{f: f}
	var instanceID string
	cmd := &cobra.Command{
		Use:   "tail (--service-id ID | --deployment-id ID | --instance-id ID) [--type build|runtime]",
		Short: "Follow the logs of a service, deployment or instance until interrupted",
		Long: "Follow the logs of a service, deployment or instance until interrupted. Each line is shown safe for\n" +
			"the terminal: control characters and escape sequences become U+FFFD (\ufffd), tabs become spaces.\n" +
			"--json prints each entry exact (as escaped JSON); --raw passes the messages' bytes through unchanged.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if instanceID != "" {
				opts.Filter.InstanceIDs = []string{instanceID}
			}
			fl := opts.Filter
			if fl.ServiceID == "" && fl.DeploymentID == "" && len(fl.InstanceIDs) == 0 && fl.AppID == "" {
				return errors.New("name what to follow: --service-id, --deployment-id or --instance-id")
			}
			switch opts.Filter.Type = strings.ToLower(opts.Filter.Type); opts.Filter.Type {
			case "", "build", "runtime":
			default:
				return fmt.Errorf("--type is build or runtime, not %q", opts.Filter.Type)
			}
			if opts.JSON && opts.Raw {
				return errors.New("--json and --raw cannot be used together")
			}
			if runF != nil {
				return runF(opts)
			}
			return logsTailRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Filter.ServiceID, "service-id", "", "a service")
	fl.StringVar(&opts.Filter.DeploymentID, "deployment-id", "", "a deployment")
	fl.StringVar(&instanceID, "instance-id", "", "an instance")
	fl.StringVar(&opts.Filter.AppID, "app-id", "", "an app")
	fl.StringVar(&opts.Filter.Type, "type", "", "build or runtime (default runtime)")
	fl.IntVar(&opts.Lines, "lines", 0, "recent lines to show before following")
	fl.BoolVar(&opts.JSON, "json", false, "print each line as a JSON LogEntry (one per line)")
	fl.BoolVar(&opts.Raw, "raw", false, "print each message's bytes as they came, escape sequences included: the one "+
		"output that lets log text drive your terminal (for a pipe or a log file, not for lines you do not trust)")
	return cmd
}

func logsTailRun(opts *logsTailOptions) error {
	a, err := opts.f.App()
	if err != nil {
		return err
	}
	ctx := opts.f.Ctx // runs until interrupted
	if _, err := requireOrganization(ctx, a); err != nil {
		return err
	}
	var stream *api.LogStream
	err = withSessionCheck(ctx, a, false, func(ctx context.Context) error {
		// The first dial is a read like any other: retried after a 5xx, a 429 or a network failure.
		return a.API.Retrying(ctx, "TailLogs", func(ctx context.Context) error {
			stream, err = a.API.TailLogs(ctx, api.TailLogsParams{LogsFilter: opts.Filter, Limit: opts.Lines}, a.Session.Token)
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
			return err
		}
		if opts.JSON {
			if err := printJSONLine(opts.f.IO.Out, line); err != nil {
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
func printLogLine(opts *logsTailOptions, e api.LogEntry) error {
	if opts.Raw {
		_, err := io.WriteString(opts.f.IO.Raw(), e.Msg+"\n")
		return err
	}
	ts := e.CreatedAt.Local().Format(time.DateTime)
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(e.Msg, "\r\n"), "\n") {
		b.WriteString(ts + "  " + termsafe.Line(strings.TrimSuffix(l, "\r")) + "\n")
	}
	_, err := io.WriteString(opts.f.IO.Out, b.String())
	return err
}
