package cmdutil

import (
	"encoding/json"
	"io"
	"reflect"

	"github.com/panel-dev/panel/internal/termsafe"
)

// PrintJSON writes v indented; a nil slice prints as [] (lists are arrays). Every command's JSON
// output goes through here.
func PrintJSON(w io.Writer, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
		v = []struct{}{}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeJSON(w, b)
}

// PrintJSONLine writes v as one line of JSON (NDJSON, for pipes).
func PrintJSONLine(w io.Writer, v any) error {
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
