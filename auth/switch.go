package auth

import (
	"context"
	"errors"
	"sync"
	"time"
)

// SwitchOrganization moves this process's session into the organization with that external id: a refresh
// naming organization_id. Any refusal (organization_membership_not_found, sso_required, mfa_enrollment, ...)
// is a *RefusedError and the session stays as it was; the caller then signs in through the browser with
// LoginOptions.OrganizationID set. Without a per-process organization (Options.Organization) the stored
// default follows the switch; with one, only this process moves.
func (s *Session) SwitchOrganization(ctx context.Context, orgExternalID string) error {
	sw, err := s.StartSwitch(ctx, orgExternalID)
	if err != nil {
		return err
	}
	return sw.Wait()
}

// Switch is a switch whose new access token is in hand (API calls in the new organization can start)
// while the session's storage is still to be written: keychain writes take milliseconds each, and a
// switch should not wait for them before loading the organization.
type Switch struct {
	// From is the organization (external id) the process was in before ("" if none).
	From    string
	saved   chan error
	held    *heldSwitch   // set when the switch used a token the session held (switch_held.go)
	proceed chan struct{} // closed by Proceed: the writes start
	once    sync.Once
}

func newSwitch(from string) *Switch {
	return &Switch{From: from, saved: make(chan error, 1), proceed: make(chan struct{})}
}

// writeDelay bounds how long the writes that store a switch wait for Proceed: a caller that never calls
// it (or Wait) delays them by this much, never skips them. A variable for the tests.
var writeDelay = 50 * time.Millisecond

// Proceed lets the writes that store the switch start. A caller whose first requests with the new token
// are on the wire calls it: on a busy machine (the keychain's D-Bus traffic, a file's fsync) the writes
// would otherwise take the processor those requests are waiting for. Wait proceeds too.
func (w *Switch) Proceed() { w.once.Do(func() { close(w.proceed) }) }

// awaitProceed is where the writes wait for Proceed, writeDelay at most.
func (w *Switch) awaitProceed() {
	t := time.NewTimer(writeDelay)
	defer t.Stop()
	select {
	case <-w.proceed:
	case <-t.C:
	}
}

// Wait returns once the new session is stored; an error means it could not be (sign in again).
func (w *Switch) Wait() error {
	w.Proceed()
	return <-w.saved
}

// StartSwitch is SwitchOrganization returning as soon as the refresh answered: the new token serves
// this process's calls at once, and the writes that store it run under the session lock (other
// processes wait for them, as for any refresh) once the caller calls Proceed (its first requests sent),
// writeDelay at most after the answer. Call Wait before reporting the switch done.
//
// An organization this session already holds a valid token of (switching back) needs no refresh at all
// (switch_held.go): StartSwitch then returns without a round trip.
//
// Once sent, the refresh runs to its end and is stored whatever happens to ctx, counted by
// WaitExchanges: a caller that gives up gets ctx's error, and the session is kept.
func (s *Session) StartSwitch(ctx context.Context, orgExternalID string) (*Switch, error) {
	if s.opts.EnvToken != "" {
		return nil, ErrTokenFromEnvironment
	}
	if orgExternalID == "" {
		return nil, errors.New("no organization to switch to")
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	stored := s.readAlongside(orgExternalID)
	rec, err := s.loadRecord()
	if err == nil && rec == nil {
		err = s.noSession()
	}
	if err != nil {
		unlock()
		return nil, err
	}
	from := s.orgFor(rec)
	makeDefault := s.opts.Organization == ""
	if at := s.heldToken(orgExternalID, rec, stored); at != nil {
		return s.switchHeld(rec, from, orgExternalID, at, makeDefault, unlock), nil
	}
	sw := newSwitch(from)
	answered := make(chan error, 1)
	timeout := s.exchangeTimeout()
	exchanges.add()
	go func() {
		defer exchanges.done()
		defer unlock()
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		defer cancel()
		r, err := s.exchange(dctx, rec, orgExternalID, makeDefault)
		if err != nil {
			answered <- err
			return
		}
		s.remember(orgExternalID, r.access)
		s.pin(orgExternalID)
		answered <- nil
		sw.awaitProceed()
		sw.saved <- s.persist(r)
	}()
	select {
	case err = <-answered:
	case <-ctx.Done():
		if gaveUp(ctx) {
			sw.Proceed() // nobody will: store at once
			return nil, ctx.Err()
		}
		err = <-answered
	}
	if err != nil {
		return nil, err
	}
	return sw, nil
}
