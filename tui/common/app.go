package common

import (
	"context"

	"github.com/panel-dev/panel/app"
)

// App is what a screen may ask of the product (package app): its
// operations, never the session, the API client or the store behind them.
// *app.App satisfies it; a product rule a screen needs is an app method
// added here.
type App interface {
	// Organizations (the switcher, creating, leaving).
	ListOrganizations(ctx context.Context, q app.OrganizationQuery) (*app.OrganizationPage, error)
	WalkOrganizations(ctx context.Context, q app.OrganizationQuery) *app.OrganizationWalk
	OrganizationOrder() app.OrganizationOrder
	TogglePin(externalID string) (app.OrganizationOrder, error)
	CreateOrganization(ctx context.Context, name string, progress func(app.SwitchProgress)) (*app.Organization, *app.SwitchResult, error)
	LeaveOrganization(ctx context.Context) (*app.LeaveResult, error)
	// Organizations by name (the command palette's :orgs NAME).
	KnownOrganizations() ([]app.Organization, bool)
	ResolveOrganization(ctx context.Context, query string) (*app.OrganizationMatch, error)
	SwitchTo(ctx context.Context, m app.OrganizationMatch, progress func(app.SwitchProgress)) (*app.SwitchResult, error)

	// Projects of the current organization.
	Projects(ctx context.Context) (*app.ProjectList, error)
	UseProject(orgExternalID string, p *app.Project) error

	// Members of the current organization.
	Members(ctx context.Context, orgID string) ([]app.Member, error)
	RemoveMember(ctx context.Context, m app.Member) (*app.Member, error)

	// Invitations, sent by the current organization and received by the user.
	SentInvitations(ctx context.Context, statuses ...app.InvitationStatus) ([]app.Invitation, error)
	ReceivedInvitations(ctx context.Context, statuses ...app.InvitationStatus) ([]app.Invitation, error)
	ReceivedInvitation(ctx context.Context, id string) (*app.Invitation, error)
	SendInvitation(ctx context.Context, email string) (*app.Invitation, error)
	ResendInvitation(ctx context.Context, id string) (*app.Invitation, error)
	RevokeInvitation(ctx context.Context, id string) error
	AcceptInvitation(ctx context.Context, id string, progress func(app.SwitchProgress)) (*app.Invitation, *app.SwitchResult, error)
	DeclineInvitation(ctx context.Context, id string) (*app.Invitation, error)

	// Services of the current project, and a service's instances.
	CurrentProjectServices(ctx context.Context) (*app.ProjectServices, error)
	ServiceInstances(ctx context.Context, serviceID string) ([]app.Instance, error)
	ResolveService(ctx context.Context, nameOrID string) (*app.Service, *app.ProjectServices, error)

	// Logs.
	TailLogs(ctx context.Context, filter app.LogFilter, o app.TailOptions) (*app.LogStream, error)

	// Signing in (the sign-in screen).
	BeginBrowserSignIn(ctx context.Context, o app.SignInOptions) (*app.BrowserSignIn, error)
	BeginDeviceSignIn(ctx context.Context, o app.SignInOptions) (*app.DeviceSignIn, error)
	ChooseOrganization(ctx context.Context, c *app.OrganizationChoice, orgID string) (*app.SignedIn, error)
}

var _ App = (*app.App)(nil)
