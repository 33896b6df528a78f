package common

import (
	"context"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/keys"
	"github.com/panel-dev/panel/tui/theme"
)

// Context is shared by the root and every screen (one pointer). The root
// alone writes it, inside Update; screens read it inside Update and View and
// copy what a command needs before returning the command.
type Context struct {
	// Ctx is cancelled when the TUI exits; commands pass it to the network.
	Ctx context.Context

	// Width and Height are the area a screen gets (the terminal minus chrome).
	Width, Height int

	Theme *theme.Theme
	// Screens is the screen registry (the command palette lists it).
	Screens *Registry
	Keys    keys.Global
	List    keys.List
	Input   keys.Input

	// App is the product's operations (package app): screens never reach
	// the session, the API client or the store behind them.
	App App

	// What the root knows of the user and the current organization and
	// project (nil: not known yet). Updated before IdentityMsg is broadcast.
	User        *app.User
	Org         *app.Organization
	Project     *app.Project
	SessionInfo app.SessionInfo
	// GatePassed is true once the auth gate loaded the profile and the
	// current organization (B12); screens built earlier (home, from the
	// local store) wait for IdentityMsg before asking the network.
	GatePassed bool
	// SignedOut is true while no session exists (the sign-in screen or the
	// invitation landing shows); false while the gate is still deciding.
	SignedOut bool

	gen Generation
}

// NewContext returns a context with the default theme, the screens of
// registry (nil: none) and their keys.
func NewContext(ctx context.Context, noColor bool, screens *Registry) *Context {
	if screens == nil {
		screens = NewRegistry()
	}
	return &Context{
		Ctx:     ctx,
		Theme:   theme.New(noColor),
		Screens: screens,
		Keys:    keys.NewGlobal(screens.Keys()...),
		List:    keys.NewList(),
		Input:   keys.NewInput(),
		gen:     1,
	}
}

// Generation is the current organization generation.
func (c *Context) Generation() Generation { return c.gen }

// NextGeneration starts a new generation (root only: switch, sign-in,
// sign-out); every older stamp and timer stops counting.
func (c *Context) NextGeneration() Generation {
	c.gen++
	return c.gen
}

// Stamp returns a fresh stamp for a request started now.
func (c *Context) Stamp() Stamp { return Stamp{ID: NewRequestID(), Gen: c.gen} }

// IsCurrent reports whether s belongs to the current generation.
func (c *Context) IsCurrent(s Stamp) bool { return s.Gen == c.gen }

// OrgExternalID is the current organization's external id ("" unknown).
func (c *Context) OrgExternalID() string {
	if c.Org != nil {
		return c.Org.ExternalID
	}
	return c.SessionInfo.OrganizationID
}
