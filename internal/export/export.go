// Package export is the CLI's machine-readable output, as the GitHub CLI has it: --json prints the API's
// objects (all fields), --json=FIELD,… only those fields, --jq EXPR filters the JSON through a jq expression
// (gojq) and --template TMPL formats it with a Go template; --jq and --template imply JSON. A command adds the
// flags with AddFlags and, when Enabled, hands its data to Write instead of printing a table.
package export

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// allFields is the value of a bare --json.
const allFields = "all"

// Exporter holds what the export flags asked for.
type Exporter struct {
	fields   []string // nil: every field
	json     bool
	jq       string
	template string
	valid    []string
}

// AddFlags adds --json[=FIELDS], --jq and --template to cmd and returns the exporter they fill. valid lists
// the fields of the objects the command prints (see FieldsOf); an unknown one fails the command before it
// runs, listing the valid ones.
func AddFlags(cmd *cobra.Command, valid []string) *Exporter {
	e := &Exporter{valid: valid}
	f := cmd.Flags()
	f.Var(&fieldsValue{e: e}, "json", "print JSON: every field, or only these comma-separated `fields`")
	f.Lookup("json").NoOptDefVal = allFields
	f.StringVar(&e.jq, "jq", "", "filter the JSON through a jq `expression` (implies --json)")
	f.StringVar(&e.template, "template", "", "format the JSON with a Go `template` (implies --json)")
	_ = cmd.RegisterFlagCompletionFunc("json", e.completeFields)
	wrapPreRun(cmd, e.validate)
	return e
}

// Enabled reports whether the command prints JSON (or its jq or template form) instead of its table.
func (e *Exporter) Enabled() bool { return e != nil && (e.json || e.jq != "" || e.template != "") }

// Fields are the fields asked for; nil means all.
func (e *Exporter) Fields() []string { return e.fields }

// Error is a misuse of the export flags (exit 1).
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

func (e *Exporter) validate() error {
	if e.jq != "" && e.template != "" {
		return &Error{"--jq and --template cannot be used together"}
	}
	var unknown []string
	for _, f := range e.fields {
		if !slices.Contains(e.valid, f) {
			unknown = append(unknown, f)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	return &Error{fmt.Sprintf("unknown JSON field %s\nAvailable fields:\n  %s",
		quoteAll(unknown), strings.Join(e.valid, "\n  "))}
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// completeFields offers the fields not yet given after the last comma.
func (e *Exporter) completeFields(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	prefix, typed := "", toComplete
	given := []string(nil)
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		prefix, typed = toComplete[:i+1], toComplete[i+1:]
		given = strings.Split(toComplete[:i], ",")
	}
	var out []string
	for _, f := range e.valid {
		if strings.HasPrefix(f, typed) && !slices.Contains(given, f) {
			out = append(out, prefix+f)
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace
}

// wrapPreRun runs check before the command's own PreRunE (flag errors come before any work).
func wrapPreRun(cmd *cobra.Command, check func() error) {
	next := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if err := check(); err != nil {
			return err
		}
		if next != nil {
			return next(c, args)
		}
		return nil
	}
}

// fieldsValue is --json's value: "all" (bare flag) or a comma-separated list.
type fieldsValue struct{ e *Exporter }

func (v *fieldsValue) String() string { return strings.Join(v.e.fields, ",") }
func (v *fieldsValue) Type() string   { return "fields" }

func (v *fieldsValue) Set(s string) error {
	v.e.json = true
	if s == allFields {
		v.e.fields = nil
		return nil
	}
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" && !slices.Contains(v.e.fields, f) {
			v.e.fields = append(v.e.fields, f)
		}
	}
	if len(v.e.fields) == 0 {
		return errors.New("no field named: use --json for every field, or --json=FIELD,…")
	}
	return nil
}
