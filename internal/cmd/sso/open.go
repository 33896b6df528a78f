package sso

import (
	"context"
	"fmt"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/handoff"
)

// handoffWait bounds the wait for the browser to load the one-time link.
const handoffWait = 2 * time.Minute

// openThroughHandoff opens u, which carries an SSO token, without putting it in the browser's argv
// (B22a): the browser gets a one-time loopback link that redirects to u, and panel waits for it to be
// used. Without a browser, u is printed, as --print would (the user's own terminal, not a process list).
func openThroughHandoff(ctx context.Context, ios *cmdutil.IOStreams, browser, u string) error {
	ctx, cancel := context.WithTimeout(ctx, handoffWait)
	defer cancel()
	h, err := handoff.Start(ctx, u)
	if err != nil {
		return fmt.Errorf("open the loopback listener for the browser: %w", err)
	}
	// Close bounds its own shutdown: it must run after ctx is cancelled too.
	defer func() { _ = h.Close() }() //nolint:contextcheck // a fresh context on purpose (above)
	if err := auth.OpenBrowser(h.URL(), browser); err != nil {
		fmt.Fprintf(ios.ErrOut, "Could not open the browser (%v); visit:\n", err)
		_, err = fmt.Fprintln(ios.Out, u)
		return err
	}
	fmt.Fprintf(ios.ErrOut, "Opening the browser on a one-time link (%s)…\n", h.URL())
	if err := h.Wait(ctx); err != nil {
		return fmt.Errorf("the browser did not load %s within %s; run the command again, or add --print "+
			"to get the address: %w", h.URL(), handoffWait, err)
	}
	fmt.Fprintln(ios.ErrOut, "Opened the browser")
	return nil
}
