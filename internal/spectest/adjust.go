package spectest

import "github.com/getkin/kin-openapi/openapi3"

// adjust applies the documented facts listed in the package comment.
func adjust(doc *openapi3.T) {
	if field := doc.Components.Schemas["ErrorField"]; field != nil && field.Value != nil {
		field.Value.Properties["description"] = openapi3.NewSchemaRef("", openapi3.NewStringSchema())
	}
	seen := map[*openapi3.Schema]bool{}
	for _, ref := range doc.Components.Schemas {
		closeObjects(ref, seen)
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if body := op.RequestBody; body != nil && body.Value != nil {
				body.Value.Required = body.Value.Required && !allOptional(body.Value)
				for _, media := range body.Value.Content {
					closeObjects(media.Schema, seen)
				}
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value == nil {
					continue
				}
				for _, media := range resp.Value.Content {
					closeObjects(media.Schema, seen)
				}
			}
		}
	}
}

// closeObjects forbids undeclared properties on every object schema that
// declares some, recursively.
func closeObjects(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	if len(s.Properties) > 0 && s.AdditionalProperties.Has == nil && s.AdditionalProperties.Schema == nil {
		no := false
		s.AdditionalProperties.Has = &no
	}
	for _, p := range s.Properties {
		closeObjects(p, seen)
	}
	closeObjects(s.Items, seen)
	closeObjects(s.AdditionalProperties.Schema, seen)
}

// allOptional reports whether every media type's schema requires no property,
// so an absent body means the same as {}.
func allOptional(body *openapi3.RequestBody) bool {
	for _, media := range body.Content {
		if media.Schema == nil || media.Schema.Value == nil {
			continue
		}
		if len(media.Schema.Value.Required) > 0 {
			return false
		}
	}
	return true
}
