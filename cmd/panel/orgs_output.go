package main

// Helpers shared by the noun files of the API commands (orgs, projects,
// invitations, members, sso, logs): output, prompts, the session check.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/tableprinter"
	"github.com/panel-dev/panel/internal/termsafe"
)

// printJSON writes v indented; a nil slice prints as [] (lists are arrays).
func printJSON(w io.Writer, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
		v = []struct{}{}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeJSON(w, b)
}

// printJSONLine writes v as one line of JSON (NDJSON, for pipes).
func printJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return writeJSON(w, b)
}

// writeJSON ends encoded JSON with a line break, its DEL, C1 and bidi controls escaped (B24: the data stays
// exact, the terminal sees no control; encoding/json escapes the C0 ones itself).
func writeJSON(w io.Writer, b []byte) error {
	_, err := w.Write(append(termsafe.EscapeJSON(b), '\n'))
	return err
}

// table prints aligned columns with a header row; tableprinter sanitizes and bounds every cell.
type table struct{ tp *tableprinter.Table }

func newTable(w io.Writer, headers ...string) *table {
	return &table{tp: tableprinter.New(w, headers...)}
}

func (t *table) row(cols ...string) { t.tp.AddRow(cols...) }

func (t *table) flush() error { return t.tp.Render() }

// when formats a timestamp for tables ("" when absent).
func when(t api.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// confirm asks a yes/no question on the terminal.
func confirm(ios *IOStreams, question string) (bool, error) {
	fmt.Fprintf(ios.ErrOut, "%s [y/N] ", termsafe.Line(question))
	line, err := readLine(ios.In)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(line) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}

// choose lists options on the terminal and returns the index picked.
func choose(ios *IOStreams, question string, options []string) (int, error) {
	fmt.Fprintln(ios.ErrOut, termsafe.Line(question))
	for i, o := range options {
		fmt.Fprintf(ios.ErrOut, "  %d) %s\n", i+1, termsafe.Line(o))
	}
	fmt.Fprintf(ios.ErrOut, "Number (1-%d): ", len(options))
	line, err := readLine(ios.In)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(line)
	if err != nil || n < 1 || n > len(options) {
		return 0, fmt.Errorf("%q is not one of the numbers shown", line)
	}
	return n - 1, nil
}

func readLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		return "", fmt.Errorf("no answer: %w", err)
	}
	return strings.TrimSpace(line), nil
}

// errAborted ends a command the user declined to confirm.
var errAborted = errors.New("aborted: nothing was changed")

// withSessionCheck runs work with the session check (B10), by app's rule of
// which result wins: writes (checkFirst) after it, reads alongside it.
func withSessionCheck(ctx context.Context, a *app.App, checkFirst bool, work func(context.Context) error) error {
	if checkFirst {
		return a.WriteChecked(ctx, work)
	}
	return a.ReadChecked(ctx, work)
}

// requireOrganization fails with the onboarding hint when the session has no
// organization (B23) before any org-scoped call.
func requireOrganization(ctx context.Context, a *app.App) (string, error) {
	org, err := a.CurrentOrganizationID(ctx)
	if err != nil {
		return "", err
	}
	if org == "" {
		return "", app.ErrNoOrganization
	}
	return org, nil
}

// loadApp returns the factory's App with a command-sized deadline.
func loadApp(f *Factory) (*app.App, context.Context, context.CancelFunc, error) {
	a, err := f.App()
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(f.Ctx, 2*time.Minute)
	return a, ctx, cancel, nil
}
