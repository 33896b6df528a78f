package controlpanel

import (
	"encoding/json"
	"net/http"
)

// Error codes on the wire (the spec's intro lists them; "not_found" is what
// the current organization endpoint answers for a token without org_id, B23).
const (
	codeInvalidArgument = "invalid_argument"
	codeAuthentication  = "authentication_error"
	codeForbidden       = "authorization_required"
	codeNotFound        = "not_found"
	codeUnimplemented   = "unimplemented"
	codeInternal        = "api_error"
)

// Messages the client classifies by their exact text (the real API's words, B21, B10).
const (
	msgTokenRejected = "Token rejected"    // the token's organization is deactivated
	msgAccountLocked = "Account is locked" // the user is locked, not a revoked session
	msgUnauthorized  = "Request unauthenticated with bearer"
)

// apiError is the spec's Error, and ErrorWithFields when Fields is set.
type apiError struct {
	Status  int          `json:"status"`
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Fields  []fieldError `json:"fields,omitempty"`
}

// fieldError names the input a 400 is about.
type fieldError struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, apiError{Status: status, Code: code, Message: message})
}

// badRequest answers 400 invalid_argument naming the offending inputs.
func badRequest(w http.ResponseWriter, message string, fields ...fieldError) {
	writeJSON(w, http.StatusBadRequest, apiError{Status: http.StatusBadRequest, Code: codeInvalidArgument,
		Message: message, Fields: fields})
}

// badField is badRequest for one input.
func badField(w http.ResponseWriter, field, description string) {
	badRequest(w, "Validation error", fieldError{Field: field, Description: description})
}

func notFound(w http.ResponseWriter, what string) {
	writeError(w, http.StatusNotFound, codeNotFound, what+" not found")
}

func forbidden(w http.ResponseWriter, message string) {
	writeError(w, http.StatusForbidden, codeForbidden, message)
}

func unauthorized(w http.ResponseWriter) {
	writeError(w, http.StatusUnauthorized, codeAuthentication, msgUnauthorized)
}
