package api

import "net/http"

// grpcCodes are the names of the google.rpc.Status codes, as the gateway's
// JSON spells them in lower case.
var grpcCodes = []string{"ok", "cancelled", "unknown", "invalid_argument", "deadline_exceeded", "not_found",
	"already_exists", "permission_denied", "resource_exhausted", "failed_precondition", "aborted", "out_of_range",
	"unimplemented", "internal", "unavailable", "data_loss", "unauthenticated"}

// grpcCodeName names a google.rpc.Status code ("" for one outside the list).
func grpcCodeName(code int) string {
	if code < 0 || code >= len(grpcCodes) {
		return ""
	}
	return grpcCodes[code]
}

// grpcStatus maps a google.rpc.Status code to the HTTP status the REST
// gateway would have used, so the classifiers work on stream errors too.
func grpcStatus(code int) int {
	switch code {
	case 3, 9, 11:
		return http.StatusBadRequest
	case 5:
		return http.StatusNotFound
	case 6, 10:
		return http.StatusConflict
	case 7:
		return http.StatusForbidden
	case 8:
		return http.StatusTooManyRequests
	case 4:
		return http.StatusGatewayTimeout
	case 12:
		return http.StatusNotImplemented
	case 14:
		return http.StatusServiceUnavailable
	case 16:
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}
