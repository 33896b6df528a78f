package export

import (
	"reflect"
	"strings"
)

// FieldsOf lists the JSON names of the fields of v's struct type (a pointer, slice or struct), in their
// order, embedded structs included: the API's own field names, which --json=FIELD accepts.
func FieldsOf(v any) []string {
	t := reflect.TypeOf(v)
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return structFields(t)
}

func structFields(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				names = append(names, structFields(ft)...)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}

// pick keeps only fields of an object, or of every object of an array; other values pass as they are.
func pick(v any, fields []string) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = pick(x, fields)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(fields))
		for _, f := range fields {
			out[f] = v[f] // absent (omitted when empty) is null, as a field asked for must be there
		}
		return out
	}
	return v
}
