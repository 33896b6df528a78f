package app

import (
	"context"
	"time"

	"github.com/panel-dev/panel/auth"
)

// FinishingNotice is what a front end says while its exit waits for a sign-in exchange.
const FinishingNotice = "Finishing sign-in…"

// finishingQuietly is how long an exit waits before saying so: a stored refresh usually takes less.
const finishingQuietly = 300 * time.Millisecond

// ExchangesPending reports whether a token exchange (a refresh, a switch, a sign-in's code) is still running
// in this process: it was sent, so it finishes and is stored whatever its caller did.
func ExchangesPending() bool { return auth.ExchangesPending() }

// FinishExchanges waits until the token exchanges still running in this process are stored, so an exit
// never loses the session they carry: at most one request (requestTimeout, 0 for the default) plus the
// writes. notice (may be nil) is called once if the wait lasts longer than a moment. It returns false if the
// bound passed first.
func FinishExchanges(requestTimeout time.Duration, notice func()) bool {
	if !auth.ExchangesPending() {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), auth.MaxExchangeWait(requestTimeout))
	defer cancel()
	quiet, stop := context.WithTimeout(ctx, finishingQuietly)
	defer stop()
	if auth.WaitExchanges(quiet) == nil {
		return true
	}
	if ctx.Err() == nil && notice != nil {
		notice()
	}
	return auth.WaitExchanges(ctx) == nil
}
