package api

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// frame is one message of the log stream: {"result": LogEntry}, or an error
// as {"error": google.rpc.Status}, or (from some gateways) the Status itself
// at the top level, {code, message} with no result.
type frame struct {
	Result  *LogEntry       `json:"result"`
	Error   json.RawMessage `json:"error"`
	Code    json.RawMessage `json:"code"`
	Message *string         `json:"message"`
}

// decodeFrame returns the frame's line (ok), or its error as an *Error whose
// Status is what the REST gateway would have answered. A frame with none of
// these is a keep-alive: neither ok nor an error.
func decodeFrame(data []byte) (LogEntry, bool, error) {
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		return LogEntry{}, false, fmt.Errorf("decode log frame: %w", err)
	}
	switch {
	case len(f.Error) > 0 && string(f.Error) != "null":
		return LogEntry{}, false, frameError(f.Error)
	case f.Result != nil:
		return *f.Result, true, nil
	case len(f.Code) > 0 || f.Message != nil:
		return LogEntry{}, false, frameError(data)
	}
	return LogEntry{}, false, nil
}

// frameError reads a google.rpc.Status (or an API error) sent as a frame.
func frameError(body []byte) *Error {
	e := decodeErrorBody(body)
	e.Status, e.Method, e.Path = grpcStatus(e.GRPCCode), http.MethodGet, tailPath
	if e.GRPCCode == 0 {
		e.Status = statusOfCode(e.Code)
	}
	return e
}

// statusOfCode is the HTTP status of an error frame that named its code in
// words ("not_found", "unauthenticated"...), 500 when it is not one we know.
func statusOfCode(code string) int {
	for n, name := range grpcCodes {
		if name == code && n != 0 {
			return grpcStatus(n)
		}
	}
	return http.StatusInternalServerError
}
