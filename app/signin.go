package app

import (
	"context"

	"github.com/panel-dev/panel/auth"
)

// Signing in (B1–B4): through the browser (loopback callback, or the
// redirect pasted back), or with a device code; a user in several
// organizations chooses one (B3a). The session stores the result.

type (
	// SignInOptions say how to sign in: sign up, into which organization,
	// the email hint and where to land after (`next`).
	SignInOptions = auth.LoginOptions
	// BrowserSignIn is a browser sign-in in progress: its URL, its wait, a
	// pasted redirect (SubmitRedirect), Close.
	BrowserSignIn = auth.BrowserLogin
	// DeviceSignIn is a device-code sign-in in progress: the code, the
	// links, its wait.
	DeviceSignIn = auth.DeviceLogin
	// SignedIn is the end of a sign-in (Next: where to land).
	SignedIn = auth.Result
	// OrganizationChoice is a sign-in waiting for the user to choose an
	// organization (B3a); its error is returned by the waits.
	OrganizationChoice = auth.OrganizationSelectionRequired
	// RefusedError is WorkOS refusing a sign-in or a refresh, with its reason.
	RefusedError = auth.RefusedError
)

// BeginBrowserSignIn starts a browser sign-in: a loopback listener and the
// authorize URL to open.
func (a *App) BeginBrowserSignIn(ctx context.Context, o SignInOptions) (*BrowserSignIn, error) {
	return a.Session.BeginBrowserLogin(ctx, o)
}

// BeginDeviceSignIn starts a device-code sign-in.
func (a *App) BeginDeviceSignIn(ctx context.Context, o SignInOptions) (*DeviceSignIn, error) {
	return a.Session.BeginDeviceLogin(ctx, o)
}

// ChooseOrganization ends a sign-in that waited for the user to choose an
// organization (orgID, one of c.Organizations).
func (a *App) ChooseOrganization(ctx context.Context, c *OrganizationChoice, orgID string) (*SignedIn, error) {
	return a.Session.ChooseOrganization(ctx, c, orgID)
}

// OpenBrowser opens url with the BROWSER command (browser; "" = the
// system's opener), writing nothing to the terminal.
func OpenBrowser(url, browser string) error { return auth.OpenBrowser(url, browser) }
