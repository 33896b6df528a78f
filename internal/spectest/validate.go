package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// ValidateRequest reports (t.Errorf) where req and its body break the spec,
// and returns the operation id ("" when no operation matches). The body is
// passed separately because reading req.Body would consume it; nil or empty
// means no body.
func ValidateRequest(t testing.TB, req *http.Request, body []byte) string {
	t.Helper()
	id, err := checkRequest(req, body)
	if err != nil {
		t.Errorf("spectest: request %s %s: %v", req.Method, req.URL.Path, err)
	}
	return id
}

// ValidateResponse reports (t.Errorf) where a response to req breaks the
// spec, and returns the operation id ("" when no operation matches).
func ValidateResponse(t testing.TB, req *http.Request, status int, header http.Header, body []byte) string {
	t.Helper()
	id, err := checkResponse(req, status, header, body)
	if err != nil {
		t.Errorf("spectest: response to %s %s (%d): %v", req.Method, req.URL.Path, status, err)
	}
	return id
}

// ValidateFrame reports (t.Errorf) where one WebSocket message of a streaming
// operation ("TailLogs", "ExecCommand") breaks the operation's 200 schema,
// {"result": ...} or {"error": google.rpc.Status}.
func ValidateFrame(t testing.TB, operationID string, frame []byte) {
	t.Helper()
	if err := checkFrame(operationID, frame); err != nil {
		t.Errorf("spectest: %s frame: %v", operationID, err)
	}
}

func options() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc: bearerPresent,
		MultiError:         true,
		// Keep values (tokens, emails) and whole schemas out of failure messages.
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.DisableSchemaErrorDetails()},
	}
}

// bearerPresent stands in for the spec's Bearer security scheme: a token must
// be sent, in Authorization or, on a WebSocket upgrade, as the subprotocols
// "Bearer, <token>". Whether it is valid is the server's business.
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	req := in.RequestValidationInput.Request
	if token, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok && token != "" {
		return nil
	}
	if strings.EqualFold(req.Header.Get("Upgrade"), "websocket") {
		protocols := strings.Split(req.Header.Get("Sec-WebSocket-Protocol"), ",")
		if len(protocols) == 2 && strings.TrimSpace(protocols[0]) == "Bearer" && strings.TrimSpace(protocols[1]) != "" {
			return nil
		}
		return errors.New(`no bearer token: want "Sec-WebSocket-Protocol: Bearer, <token>" on a WebSocket`)
	}
	return errors.New(`no bearer token: want "Authorization: Bearer <token>"`)
}

func route(req *http.Request) (*routers.Route, map[string]string, error) {
	r, params, err := Router().FindRoute(req)
	if err != nil {
		return nil, nil, fmt.Errorf("no operation in the spec: %w", err)
	}
	return r, params, nil
}

// checkRequest validates a request against its operation. Validation is local (no I/O) and runs to the end
// even for a request its caller has cancelled, hence its own context.
//
//nolint:contextcheck // a fresh context on purpose (above)
func checkRequest(req *http.Request, body []byte) (string, error) {
	r, params, err := route(req)
	if err != nil {
		return "", err
	}
	clone := req.Clone(context.Background())
	clone.Body, clone.ContentLength, clone.GetBody = http.NoBody, 0, nil
	if len(body) > 0 {
		clone.Body, clone.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	}
	input := &openapi3filter.RequestValidationInput{Request: clone, PathParams: params, Route: r, Options: options()}
	return r.Operation.OperationID, openapi3filter.ValidateRequest(context.Background(), input)
}

// checkResponse validates a response against its operation, with its own context like checkRequest.
//
//nolint:contextcheck // a fresh context on purpose (above)
func checkResponse(req *http.Request, status int, header http.Header, body []byte) (string, error) {
	r, params, err := route(req)
	if err != nil {
		return "", err
	}
	id := r.Operation.OperationID
	if status == http.StatusSwitchingProtocols {
		if !isStream(r.Operation) {
			return id, errors.New("101 Switching Protocols from an operation that is not a stream")
		}
		return id, nil
	}
	if r.Operation.Responses.Status(status) == nil {
		return id, checkUndeclared(header, body)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: r, Options: options()},
		Status:                 status,
		Header:                 header,
		Options:                options(),
	}
	input.SetBodyBytes(body)
	return id, openapi3filter.ValidateResponse(context.Background(), input)
}

// checkUndeclared checks a status the operation does not list (409, 429...):
// the intro says every error is {status, code, message}; a non-JSON body is
// allowed (a 429 body may not be JSON).
func checkUndeclared(header http.Header, body []byte) error {
	media, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	if media != "application/json" {
		return nil
	}
	return visit(Doc().Components.Schemas["Error"], body)
}

func checkFrame(operationID string, frame []byte) error {
	for _, item := range Doc().Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID != operationID {
				continue
			}
			if !isStream(op) {
				return fmt.Errorf("%s is not a streaming operation", operationID)
			}
			return visit(op.Responses.Status(http.StatusOK).Value.Content.Get("application/json").Schema, frame)
		}
	}
	return fmt.Errorf("no operation %q in the spec", operationID)
}

func visit(schema *openapi3.SchemaRef, body []byte) error {
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return schema.Value.VisitJSON(value, openapi3.VisitAsResponse(), openapi3.MultiErrors(), openapi3.DisableSchemaErrorDetails())
}

// isStream tells the WebSocket operations apart: grpc-gateway marks their
// 200 response "(streaming responses)".
func isStream(op *openapi3.Operation) bool {
	ok := op.Responses.Status(http.StatusOK)
	return ok != nil && ok.Value != nil && ok.Value.Description != nil &&
		strings.Contains(*ok.Value.Description, "(streaming responses)")
}
