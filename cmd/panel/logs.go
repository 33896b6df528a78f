package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
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
}

func newLogsTailCmd(f *Factory, runF func(*logsTailOptions) error) *cobra.Command {
	opts := &logsTailOptions{f: f}
	var instanceID string
	cmd := &cobra.Command{
		Use:   "tail (--service-id ID | --deployment-id ID | --instance-id ID) [--type build|runtime]",
		Short: "Follow the logs of a service, deployment or instance until interrupted",
		Args:  cobra.NoArgs,
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
		fmt.Fprintf(opts.f.IO.Out, "%s  %s\n", line.CreatedAt.Local().Format(time.DateTime), line.Msg)
	}
}

// printJSONLine writes v as one line of JSON (NDJSON, for pipes).
func printJSONLine(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }
