package cmdutil

import (
	"errors"
	"fmt"
	"strings"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/termsafe"
)

// auth and app errors state facts: nobody is signed in, the session was
// revoked, which organization refused a switch. What to do about them is the
// CLI's to say, in its own commands; the TUI says it its own way.

// Explain is err's text followed by what the user can run about it.
func Explain(err error) string {
	return err.Error() + advice(err)
}

// advice names the command that helps with err ("" when there is none).
func advice(err error) string {
	var refused *app.SwitchRefusedError
	var unreadable *auth.UnreadableSessionError
	var ambiguousOrg *app.AmbiguousOrganizationError
	var ambiguousProject *app.AmbiguousProjectError
	var noOrg *app.OrganizationNotFoundError
	var noProject *app.ProjectNotFoundError
	var noMember *app.MemberNotFoundError
	var ambiguousName *app.AmbiguousNameError
	var noInvitation *app.InvitationNotFoundError
	var ambiguousService *app.AmbiguousServiceError
	var noService *app.ServiceNotFoundError
	var timeout *auth.CallbackTimeoutError
	var port *auth.CallbackPortError
	var lost *app.MembershipLostError
	switch {
	case errors.As(err, &timeout):
		return callbackTimeoutAdvice(timeout.RedirectURI)
	case errors.As(err, &port):
		return "; another `panel login` may be waiting on it: finish or stop that one, or use another port registered in WorkOS"
	case errors.Is(err, auth.ErrSessionRevoked):
		return ": sign in again (run `panel login`)"
	case errors.As(err, &lost) && lost.SwitchedTo != nil:
		return ": run the command again there, or pick another organization (`panel orgs switch <name>`)"
	case errors.As(err, &lost):
		return ": pick another organization (`panel orgs list`), accept an invitation (`panel invitations received`) or create one (`panel orgs create <name>`)"
	case errors.Is(err, auth.ErrLoginRequired):
		return " (run `panel login`)"
	case errors.As(err, &unreadable):
		return "; run `panel login`"
	case errors.As(err, &refused):
		return ": run `panel login --organization-id " + refused.Organization.ExternalID + "`"
	case errors.Is(err, app.ErrNoOrganization):
		return ": accept an invitation (`panel invitations received`) or create one (`panel orgs create <name>`)"
	case errors.As(err, &ambiguousOrg):
		labels := make([]string, len(ambiguousOrg.Candidates))
		for i, c := range ambiguousOrg.Candidates {
			labels[i] = OrganizationLabel(c.Organization)
		}
		return "; name one by external id:\n  " + strings.Join(labels, "\n  ")
	case errors.As(err, &ambiguousProject):
		labels := make([]string, len(ambiguousProject.Candidates))
		for i, p := range ambiguousProject.Candidates {
			labels[i] = fmt.Sprintf("%s (%s)", termsafe.Line(p.Name), termsafe.Line(p.ID))
		}
		return "; name one by id:\n  " + strings.Join(labels, "\n  ")
	case errors.As(err, &ambiguousService):
		return "; name one as app/service or by id:\n  " + strings.Join(ServiceLabels(ambiguousService), "\n  ")
	case errors.As(err, &noService):
		return " (see `panel services list`)"
	case errors.As(err, &noOrg):
		return " (see `panel orgs list`)"
	case errors.As(err, &noProject):
		return " (see `panel projects list`)"
	case errors.As(err, &noMember):
		return " (see `panel members list`)"
	case errors.As(err, &ambiguousName):
		labels := make([]string, len(ambiguousName.Candidates))
		for i, c := range ambiguousName.Candidates {
			labels[i] = fmt.Sprintf("%s (%s)", termsafe.Line(c.Name), termsafe.Line(c.ID))
		}
		return "; name one by id:\n  " + strings.Join(labels, "\n  ")
	case errors.As(err, &noInvitation) && noInvitation.Received:
		return " (see `panel invitations received`)"
	case errors.As(err, &noInvitation):
		return " (see `panel invitations list`)"
	case errors.Is(err, app.ErrRemovingYourself):
		return ": to leave the organization, run `panel members leave`"
	}
	return ""
}

// OrganizationLabel is "name (external id)", sanitized, for lists of candidates.
func OrganizationLabel(o api.Organization) string {
	return fmt.Sprintf("%s (%s)", termsafe.Line(o.Name), termsafe.Line(o.ExternalID))
}

// callbackTimeoutAdvice says why nothing came back to a browser sign-in's redirect URI, and what else works.
func callbackTimeoutAdvice(redirectURI string) string {
	return ". Likely causes:\n" +
		"  - WorkOS refused to redirect to " + redirectURI + " (the browser shows its error page): that redirect\n" +
		"    URI is not registered for this client. Register http://127.0.0.1:<port>/callback in the WorkOS\n" +
		"    dashboard and sign in with `panel login --callback-port <port>` (or set callback_port in the profile).\n" +
		"  - The browser runs on another machine, which cannot reach 127.0.0.1 here: run `panel login --no-browser`\n" +
		"    and paste the address the browser ends on.\n" +
		"Or sign in with a code instead: `panel login --device`"
}

// ServiceLabels are the candidates of an ambiguous service name, "app/service (id)", sanitized.
func ServiceLabels(amb *app.AmbiguousServiceError) []string {
	labels := make([]string, len(amb.Candidates))
	for i, c := range amb.Candidates {
		labels[i] = termsafe.Line(c.Label) + " (" + termsafe.Line(c.ID) + ")"
	}
	return labels
}
