package cmdutil

import (
	"context"
	"time"

	"github.com/panel-dev/panel/app"
)

// CommandTimeout bounds a command's work (not `logs tail`, which runs until interrupted).
const CommandTimeout = 2 * time.Minute

// LoadApp returns the App with a command-sized deadline.
func LoadApp(ctx context.Context, newApp func() (*app.App, error)) (*app.App, context.Context, context.CancelFunc, error) {
	a, err := newApp()
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, CommandTimeout)
	return a, ctx, cancel, nil
}

// LoadOrgApp is LoadApp for a command on the current organization: it fails with the onboarding hint when
// the session has none (B23).
func LoadOrgApp(ctx context.Context, newApp func() (*app.App, error)) (*app.App, context.Context, context.CancelFunc, error) {
	a, ctx, cancel, err := LoadApp(ctx, newApp)
	if err != nil {
		return nil, nil, nil, err
	}
	if _, err := RequireOrganization(ctx, a); err != nil {
		cancel()
		return nil, nil, nil, err
	}
	return a, ctx, cancel, nil
}

// WithSessionCheck runs work with the session check (B10), by app's rule of
// which result wins: writes (checkFirst) after it, reads alongside it.
func WithSessionCheck(ctx context.Context, a *app.App, checkFirst bool, work func(context.Context) error) error {
	if checkFirst {
		return a.WriteChecked(ctx, work)
	}
	return a.ReadChecked(ctx, work)
}

// RequireOrganization fails with the onboarding hint when the session has no
// organization (B23) before any org-scoped call.
func RequireOrganization(ctx context.Context, a *app.App) (string, error) {
	org, err := a.CurrentOrganizationID(ctx)
	if err != nil {
		return "", err
	}
	if org == "" {
		return "", app.ErrNoOrganization
	}
	return org, nil
}
