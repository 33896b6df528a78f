package common

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/tui/keys"
)

// ScreenSpec is one row of the screen registry: everything the root needs
// to know about a screen to route to it, gate it, give it a global key and
// list it in help. Adding a screen is one package in tui/screens/<name> and
// one ScreenSpec in the root's table (tui/registry.go).
type ScreenSpec struct {
	// Route is the screen's name; a route may add "/" and an argument.
	Route Route
	// Key opens the screen from anywhere (over home); "" for none.
	Key string
	// Title is what help and the command palette call the screen.
	Title string
	// Help says in a few words what the key opens ("organizations").
	Help string
	// NeedsOrganization: the screen is about the current organization;
	// without one (B23) onboarding opens instead.
	NeedsOrganization bool
	// OutsideGate: the screen opens while signed out or before the auth
	// gate (B12) has passed; every other screen waits for the gate.
	OutsideGate bool
	// Overlay: the screen opens on top of whatever shows (help) and is
	// never a destination for `next` after a sign-in.
	Overlay bool
	// NeedsArg: the route is only complete with its argument ("invitation/<id>").
	NeedsArg bool
	// InFooter: the key shows in the footer of every screen, not only in help.
	InFooter bool
	// New builds the screen.
	New func(ctx *Context, o Opening) Screen
}

// Opening is what a screen's constructor gets besides the context.
type Opening struct {
	// Route is the route opened, with its argument ("logs/<service id>").
	Route Route
	// Below is the screen it opens over (nil when it opens alone).
	Below Screen
}

// Registry is the table of screens, in the order help lists them.
type Registry struct {
	rows   []ScreenSpec
	byName map[Route]int
}

// NewRegistry checks the rows (one route, one key each) and returns the
// registry; a broken table is a programming error and panics at start.
func NewRegistry(rows ...ScreenSpec) *Registry {
	r := &Registry{rows: rows, byName: make(map[Route]int, len(rows))}
	keyOwner := map[string]Route{}
	for i, s := range rows {
		if s.Route == "" || s.Route.Name() != s.Route || s.New == nil {
			panic(fmt.Sprintf("screen registry: row %d (%q) needs a plain route and a constructor", i, s.Route))
		}
		if _, dup := r.byName[s.Route]; dup {
			panic(fmt.Sprintf("screen registry: route %q twice", s.Route))
		}
		if s.Key != "" {
			if other, dup := keyOwner[s.Key]; dup {
				panic(fmt.Sprintf("screen registry: key %q opens both %q and %q", s.Key, other, s.Route))
			}
			keyOwner[s.Key] = s.Route
		}
		r.byName[s.Route] = i
	}
	return r
}

// Lookup returns the row of route's screen (by name, argument ignored).
func (r *Registry) Lookup(route Route) (ScreenSpec, bool) {
	i, ok := r.byName[route.Name()]
	if !ok {
		return ScreenSpec{}, false
	}
	return r.rows[i], true
}

// Known reports whether route names a screen a user can land on (B4: an
// unknown `next` lands on home): a row, not an overlay, complete with its
// argument when it needs one.
func (r *Registry) Known(route Route) bool {
	s, ok := r.Lookup(route)
	return ok && !s.Overlay && (!s.NeedsArg || route.Arg() != "")
}

// Rows returns the table, in order (help, the command palette).
func (r *Registry) Rows() []ScreenSpec { return append([]ScreenSpec(nil), r.rows...) }

// Keys returns the global key of every row that has one, in order.
func (r *Registry) Keys() []keys.ScreenKey {
	var out []keys.ScreenKey
	for _, s := range r.rows {
		if s.Key == "" {
			continue
		}
		out = append(out, keys.ScreenKey{
			Route:     string(s.Route),
			Binding:   key.NewBinding(key.WithKeys(s.Key), key.WithHelp(s.Key, s.Help)),
			SignedOut: s.OutsideGate,
			InFooter:  s.InFooter,
		})
	}
	return out
}
