package common

import (
	"context"

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
	Keys  keys.Global
	List  keys.List
	Input keys.Input

	gen Generation
}

// NewContext returns a context with the default theme and keys.
func NewContext(ctx context.Context, noColor bool) *Context {
	return &Context{
		Ctx:   ctx,
		Theme: theme.New(noColor),
		Keys:  keys.NewGlobal(),
		List:  keys.NewList(),
		Input: keys.NewInput(),
		gen:   1,
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
