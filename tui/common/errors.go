package common

import (
	"context"
	"errors"
	"fmt"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
)

// FunnelOwns reports errors no screen shows in place: sign-in needed,
// session revoked, account locked and the deactivated organization all go
// to the one error funnel (ReportError), whatever screen met them. A list
// shows anything else itself, with `r` to retry.
func FunnelOwns(err error) bool {
	var lost *app.MembershipLostError
	return errors.Is(err, auth.ErrLoginRequired) || errors.Is(err, auth.ErrSessionRevoked) || errors.As(err, &lost) ||
		api.IsUnauthenticated(err) || api.IsSessionRevoked(err) || api.IsAccountLocked(err) ||
		api.IsOrgDeactivated(err)
}

// Describe says in a line what went wrong with a request, for a list's
// error state or a line of a form.
func Describe(err error) string {
	var e *api.Error
	switch {
	case errors.As(err, &e) && api.IsRateLimited(err):
		return "The API asks to slow down (HTTP 429); wait a moment."
	case errors.As(err, &e) && api.IsServerError(err):
		return fmt.Sprintf("The API failed (HTTP %d).", e.Status)
	case errors.As(err, &e) && e.Message != "":
		return fmt.Sprintf("%s (HTTP %d).", e.Message, e.Status)
	case errors.As(err, &e):
		return fmt.Sprintf("The API refused (HTTP %d).", e.Status)
	case api.IsNetworkError(err):
		// The error already says what happened and to whom (the API or WorkOS).
		return sentence(err.Error())
	}
	return err.Error()
}

// RequestContext is ctx, or ctx that skips the query cache's fresh answers
// when fresh is set (a retry, a reload the user asked for).
func RequestContext(ctx context.Context, fresh bool) context.Context {
	if fresh {
		return app.Fresh(ctx)
	}
	return ctx
}

// sentence capitalizes the first letter of an ASCII message.
func sentence(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// Refused reports a request the API refused as it stands (HTTP 400: a name
// taken, an invitation no longer pending); its field errors belong next to
// the input (FieldProblem).
func Refused(err error) bool { return api.IsValidation(err) }

// OrgDeactivated reports a request refused because the current
// organization is deactivated (the API rejects its tokens).
func OrgDeactivated(err error) bool { return api.IsOrgDeactivated(err) }

// NotFound reports a request for something the API does not know (HTTP 404).
func NotFound(err error) bool { return api.IsNotFound(err) }

// FieldProblem is the API's word on one field of a refused request, for the
// line under that input (B21); any field's when field is "".
func FieldProblem(err error, field string) (string, bool) {
	var e *api.Error
	if !errors.As(err, &e) || !api.IsValidation(err) {
		return "", false
	}
	if field == "" {
		if len(e.Fields) == 0 {
			return "", false
		}
		return e.Fields[0].Field + ": " + e.Fields[0].Description, true
	}
	return e.FieldError(field)
}

// SignInFailure says why a sign-in failed and, when nothing came back to the
// browser's redirect, what the likely causes are and what else works.
func SignInFailure(err error) string {
	var timeout *auth.CallbackTimeoutError
	if !errors.As(err, &timeout) {
		return err.Error()
	}
	return "Nothing came back to " + timeout.RedirectURI + ". Likely causes: WorkOS refused to redirect there " +
		"(the browser shows its error page) because that redirect URI is not registered for this client — " +
		"register it, or run `panel login --callback-port <port>` with one that is; or the browser runs on " +
		"another machine, which cannot reach 127.0.0.1 here — press enter and paste the address it ends on " +
		"(tab), or press d to sign in with a device code."
}
