package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/template"
	"time"

	"github.com/panel-dev/panel/internal/tableprinter"
	"github.com/panel-dev/panel/internal/termsafe"
)

// writeTemplate executes tmpl over v with the GitHub CLI's helpers that fit panel's data. Every string of v
// is sanitized first (line breaks kept), so the template's own styling is the only styling printed.
func writeTemplate(o Output, tmpl string, v any) error {
	h := &helpers{o: o}
	t, err := template.New("template").Option("missingkey=zero").Funcs(h.funcs()).Parse(tmpl)
	if err != nil {
		return &Error{fmt.Sprintf("invalid --template: %v", err)}
	}
	var buf bytes.Buffer
	h.out = &buf
	if err := t.Execute(&buf, sanitize(v)); err != nil {
		return fmt.Errorf("--template: %w", err)
	}
	if err := h.flushTable(); err != nil {
		return err
	}
	_, err = o.W.Write(buf.Bytes())
	return err
}

// helpers are the template's functions; tablerow collects rows that tablerender (or the end) prints.
type helpers struct {
	o     Output
	out   io.Writer
	table *tableprinter.Table
}

func (h *helpers) funcs() template.FuncMap {
	return template.FuncMap{
		"tablerow":    h.tableRow,
		"tablerender": h.tableRender,
		"truncate":    truncate,
		"timeago":     timeAgo,
		"timefmt":     timeFormat,
		"json":        toJSON,
		"color":       h.color,
		"autocolor":   h.color,
		"join":        join,
		"pluck":       pluck,
		"contains":    strings.Contains,
		"hasPrefix":   strings.HasPrefix,
		"hasSuffix":   strings.HasSuffix,
	}
}

// tableRow adds a row to the template's table: aligned on a terminal, tab-separated in a pipe.
func (h *helpers) tableRow(fields ...any) string {
	if h.table == nil {
		h.table = tableprinter.NewFor(h.out, tableprinter.Options{TTY: h.o.TTY, Width: h.o.Width, Color: h.o.Color})
	}
	cells := make([]tableprinter.Cell, len(fields))
	for i, f := range fields {
		if s, ok := f.(styled); ok {
			cells[i] = tableprinter.Cell{Text: s.text, Style: s.sgr}
			continue
		}
		cells[i] = tableprinter.Cell{Text: text(f)}
	}
	h.table.AddCells(cells...)
	return ""
}

func (h *helpers) tableRender() (string, error) { return "", h.flushTable() }

func (h *helpers) flushTable() error {
	if h.table == nil {
		return nil
	}
	t := h.table
	h.table = nil
	return t.Render()
}

// color styles text on a colour terminal only (a pipe or NO_COLOR gets the plain text). style is a colour
// name (black, red, green, yellow, blue, magenta, cyan, white, gray) optionally followed by +b (bold),
// +u (underline) or +d (dim).
func (h *helpers) color(style string, v any) (styled, error) {
	sgr, err := sgrOf(style)
	if err != nil {
		return styled{}, err
	}
	if !h.o.Color {
		sgr = ""
	}
	return styled{text: text(v), sgr: sgr}, nil
}

// styled is coloured text: printed with its SGR, or handed to tablerow as a cell that keeps its style (the
// table measures and cuts the text, not the escape sequence).
type styled struct{ text, sgr string }

func (s styled) String() string {
	if s.sgr == "" {
		return s.text
	}
	return "\x1b[" + s.sgr + "m" + s.text + "\x1b[0m"
}

var colorCodes = map[string]string{
	"black": "30", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36",
	"white": "37", "gray": "90", "grey": "90", "default": "39",
}

func sgrOf(style string) (string, error) {
	name, attrs, _ := strings.Cut(style, "+")
	code, ok := colorCodes[name]
	if !ok {
		return "", fmt.Errorf("unknown colour %q", name)
	}
	codes := []string{code}
	for _, a := range attrs {
		switch a {
		case 'b':
			codes = append(codes, "1")
		case 'd':
			codes = append(codes, "2")
		case 'u':
			codes = append(codes, "4")
		default:
			return "", fmt.Errorf("unknown colour attribute %q", a)
		}
	}
	return strings.Join(codes, ";"), nil
}

func truncate(width int, v any) string { return termsafe.Truncate(text(v), width) }

// timeAgo is how long ago an RFC 3339 time was ("3 minutes ago"); other text is returned as it is.
func timeAgo(v any) string {
	t, err := time.Parse(time.RFC3339, text(v))
	if err != nil {
		return text(v)
	}
	return ago(time.Since(t))
}

// Ago says how far a time is from now in words, as the GitHub CLI's tables do on a terminal: "about 3 hours
// ago", or "in about 6 days" for a time to come.
func Ago(t time.Time) string { return ago(time.Since(t)) }

func ago(d time.Duration) string {
	future := d < 0
	if future {
		d = -d
	}
	unit := func(n int, name string) string {
		s := fmt.Sprintf("about %d %ss", n, name)
		if n == 1 {
			s = fmt.Sprintf("about 1 %s", name)
		}
		if future {
			return "in " + s
		}
		return s + " ago"
	}
	switch {
	case d < time.Minute && future:
		return "in less than a minute"
	case d < time.Minute:
		return "less than a minute ago"
	case d < time.Hour:
		return unit(int(d.Minutes()), "minute")
	case d < 24*time.Hour:
		return unit(int(d.Hours()), "hour")
	case d < 30*24*time.Hour:
		return unit(int(d.Hours()/24), "day")
	case d < 365*24*time.Hour:
		return unit(int(d.Hours()/24/30), "month")
	}
	return unit(int(d.Hours()/24/365), "year")
}

// timeFormat formats an RFC 3339 time with a Go layout.
func timeFormat(layout string, v any) (string, error) {
	t, err := time.Parse(time.RFC3339, text(v))
	if err != nil {
		return "", err
	}
	return t.Format(layout), nil
}

func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(termsafe.EscapeJSON(b)), err
}

func join(sep string, list []any) string {
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = text(x)
	}
	return strings.Join(parts, sep)
}

// pluck is one field of every object of a list.
func pluck(field string, list []any) []any {
	out := make([]any, 0, len(list))
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m[field])
		}
	}
	return out
}

// text is a value as a template prints it (null is empty).
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case styled:
		return v.text
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// sanitize returns v with every string made safe for a terminal (line breaks kept).
func sanitize(v any) any {
	switch v := v.(type) {
	case string:
		return termsafe.Text(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = sanitize(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[termsafe.Line(k)] = sanitize(x)
		}
		return out
	}
	return v
}
