package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/panel-dev/panel/auth"
)

// signInOverhead measures the sign-in after the browser returns: the
// loopback callback received → tokens stored (the code exchange, one round
// trip, plus the token store's write).
func (h *harness) signInOverhead() error {
	em, err := startEmulator(h.panel, "--latency", h.rtt.String())
	if err != nil {
		return err
	}
	defer em.stop()
	p, err := h.newProfile(em)
	if err != nil {
		return err
	}
	defer p.signOut()
	a, err := p.app()
	if err != nil {
		return err
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var s samples
	for i := range h.runs {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		bl, err := a.Session.BeginBrowserLogin(ctx, auth.LoginOptions{Email: "alice@example.com"})
		if err != nil {
			cancel()
			return err
		}
		// The browser: authorize answers with the redirect to the callback.
		res, err := noFollow.Get(bl.URL())
		if err != nil {
			cancel()
			bl.Close()
			return err
		}
		res.Body.Close()
		callback := res.Header.Get("Location")
		start := time.Now()
		go func() {
			if r, err := http.Get(callback); err == nil {
				r.Body.Close()
			}
		}()
		done, err := bl.Wait(ctx)
		bl.Close()
		cancel()
		if err != nil {
			return err
		}
		d := done.StoredAt.Sub(start)
		h.logf("signin run %d: callback → stored %s", i+1, ms(d))
		s = append(s, d)
	}
	h.add(result{Name: "Sign-in after the browser returns (callback → tokens stored)", Goal: "≤ 1 RTT + keychain write",
		Samples: s, RTT: true, Note: fmt.Sprintf("code exchange (1 RTT) + write to the %s", h.storage)})
	return nil
}
