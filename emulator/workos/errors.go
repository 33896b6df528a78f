package workos

import "net/http"

// WorkOS answers authenticate errors in two shapes; both are reproduced.

// oauthError is the OAuth shape: {"error": "invalid_grant", "error_description": "..."}.
type oauthError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// codeError is the User Management shape: {"code": "...", "message": "..."}.
type codeError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeOAuthError(w http.ResponseWriter, status int, code, description string) {
	writeJSON(w, status, oauthError{Error: code, ErrorDescription: description})
}

func writeCodeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, codeError{Code: code, Message: message})
}
