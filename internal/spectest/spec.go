package spectest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/panel-dev/panel/internal/spec"
)

var (
	loadOnce sync.Once
	loaded   *openapi3.T
	router   routers.Router
	loadErr  error
)

// load converts the embedded Swagger 2 spec once per test binary.
func load() (*openapi3.T, routers.Router, error) {
	loadOnce.Do(func() {
		loaded, router, loadErr = convert(spec.SwaggerJSON)
	})
	return loaded, router, loadErr
}

func convert(swagger []byte) (*openapi3.T, routers.Router, error) {
	var doc2 openapi2.T
	if err := json.Unmarshal(swagger, &doc2); err != nil {
		return nil, nil, fmt.Errorf("spectest: parse swagger: %w", err)
	}
	doc, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, nil, fmt.Errorf("spectest: convert to OpenAPI 3: %w", err)
	}
	// The spec names app.koyeb.com over https; tests talk to 127.0.0.1 over
	// http, so match on the path alone.
	doc.Servers = nil
	if err := doc.Validate(context.Background()); err != nil {
		return nil, nil, fmt.Errorf("spectest: converted spec is invalid: %w", err)
	}
	adjust(doc)
	// The spec's own examples (Token, User) show fields their schemas do not
	// declare, which closed objects reject: skip examples on the second pass.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, nil, fmt.Errorf("spectest: converted spec is invalid: %w", err)
	}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("spectest: router: %w", err)
	}
	return doc, r, nil
}

// Doc is the converted and adjusted OpenAPI 3 document (see the package
// comment). It panics if the embedded spec cannot be loaded, which no test
// could survive anyway.
func Doc() *openapi3.T {
	doc, _, err := load()
	if err != nil {
		panic(err)
	}
	return doc
}

// Router finds the operation of a request by method and path, on any host.
func Router() routers.Router {
	_, r, err := load()
	if err != nil {
		panic(err)
	}
	return r
}

// OperationIDs lists every operation id in the spec, sorted (32 of them).
func OperationIDs() []string {
	var ids []string
	for _, item := range Doc().Paths.Map() {
		for _, op := range item.Operations() {
			ids = append(ids, op.OperationID)
		}
	}
	sort.Strings(ids)
	return ids
}
