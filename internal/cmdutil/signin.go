package cmdutil

import (
	"context"
	"fmt"
	"io"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/termsafe"
)

// SignInThroughBrowser runs a browser sign-in from inside a command (the
// switch fallback, an SSO command that needs a session): it prints why and
// the URL on errOut, opens the browser command and waits.
func SignInThroughBrowser(ctx context.Context, errOut io.Writer, browser string, a *app.App, o auth.LoginOptions, why string) error {
	bl, err := a.Session.BeginBrowserLogin(ctx, o)
	if err != nil {
		return fmt.Errorf("%s\nThe browser sign-in could not start: %w", why, err)
	}
	defer bl.Close()
	fmt.Fprintf(errOut, "%s\nIf the browser does not open, visit:\n  %s\n", termsafe.Text(why), termsafe.Line(bl.URL()))
	_ = auth.OpenBrowser(bl.URL(), browser)
	_, err = bl.Wait(ctx)
	return err
}
