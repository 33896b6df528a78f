package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"

	"github.com/itchyny/gojq"

	"github.com/panel-dev/panel/internal/termsafe"
)

// Output is where an export goes.
type Output struct {
	// W is the command's standard output; when Color is set it must let SGR styling through.
	W io.Writer
	// TTY is a terminal: JSON is indented and table rows of a template are aligned.
	TTY bool
	// Color allows SGR styling (JSON colours, the template's color helpers).
	Color bool
	// Width is the terminal's width for a template's table rows (0: not fitted).
	Width int
}

// Write prints data (the API's objects, or a struct of them) as the flags asked: JSON, its chosen fields,
// the jq expression's results or the template's text.
func (e *Exporter) Write(o Output, data any) error {
	v, err := normalize(data)
	if err != nil {
		return err
	}
	if e.fields != nil {
		v = pick(v, e.fields)
	}
	switch {
	case e.jq != "":
		return writeJQ(o, e.jq, v)
	case e.template != "":
		return writeTemplate(o, e.template, v)
	}
	if e.fields != nil {
		return writeJSON(o, ordered(v, e.fields))
	}
	return writeJSON(o, data)
}

// normalize turns data into what encoding/json decodes (maps, slices, strings, json.Number, bools, nil):
// the form jq and the templates work on, keyed by the API's field names. A nil slice is an empty array.
func normalize(data any) (any, error) {
	if rv := reflect.ValueOf(data); rv.Kind() == reflect.Slice && rv.IsNil() {
		return []any{}, nil
	}
	b, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err = d.Decode(&v)
	return v, err
}

// writeJSON prints v indented, coloured on a colour terminal, its DEL, C1 and bidi controls escaped (the data
// stays exact; encoding/json escapes the C0 ones itself).
func writeJSON(o Output, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
		v = []any{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := termsafe.EscapeJSON(buf.Bytes())
	if o.Color {
		out = colorJSON(out)
	}
	_, err := o.W.Write(out)
	return err
}

// writeJQ prints each result of expr over v: a string as its text (as `jq -r`), anything else as JSON.
func writeJQ(o Output, expr string, v any) error {
	q, err := gojq.Parse(expr)
	if err != nil {
		return &Error{fmt.Sprintf("invalid --jq expression: %v", err)}
	}
	code, err := gojq.Compile(q, gojq.WithEnvironLoader(os.Environ))
	if err != nil {
		return &Error{fmt.Sprintf("invalid --jq expression: %v", err)}
	}
	iter := code.Run(v)
	for {
		x, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, isErr := x.(error); isErr {
			var halt *gojq.HaltError
			if errors.As(err, &halt) && halt.Value() == nil {
				return nil
			}
			return fmt.Errorf("--jq: %w", err)
		}
		if s, isString := x.(string); isString {
			if _, err := io.WriteString(o.W, termsafe.Text(s)+"\n"); err != nil {
				return err
			}
			continue
		}
		if err := writeJQValue(o, x); err != nil {
			return err
		}
	}
}

// writeJQValue prints a jq result that is not a string: indented on a terminal, one line in a pipe (each
// result its own line, as jq -c, which `while read` and `jq` downstream expect).
func writeJQValue(o Output, x any) error {
	if o.TTY {
		return writeJSON(o, x)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return err
	}
	_, err := o.W.Write(termsafe.EscapeJSON(buf.Bytes()))
	return err
}

// ordered keeps the fields in the order they were asked for when printed.
func ordered(v any, fields []string) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = ordered(x, fields)
		}
		return out
	case map[string]any:
		return orderedObject{keys: fields, m: v}
	}
	return v
}

type orderedObject struct {
	keys []string
	m    map[string]any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(o.m[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
