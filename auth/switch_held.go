package auth

import (
	"context"
	"fmt"
	"sync"
)

// heldToken is an access token of org that the session already holds, in this process's memory or in the
// store, and that stays valid beyond the refresh margin: switching back to an organization seen minutes
// ago needs no WorkOS round trip. It proves nothing about the session or the membership today; the caller's
// read of the organization, which follows every switch, does (the API checks both on each request). The
// caller holds the session lock and read rec under it; stored gives org's stored token (readAlongside).
func (s *Session) heldToken(org string, rec *record, stored func() *accessToken) *accessToken {
	usable := func(at *accessToken) bool {
		return at.validFor(s.now(), refreshMargin) && at.SessionID == rec.SessionID &&
			(at.OrganizationID == "" || at.OrganizationID == org)
	}
	if at := s.remembered(org); usable(at) {
		return at
	}
	if !contains(rec.AccessOrgs, org) {
		return nil // none stored
	}
	if at := stored(); usable(at) {
		return at
	}
	return nil
}

// readAlongside starts reading org's stored token while the caller reads the record when this process
// knows nothing of the store yet (a new process: the CLI), so that two keychain calls take the time of
// one; the function returned waits for it. Otherwise the token is read when asked, if ever.
func (s *Session) readAlongside(org string) func() *accessToken {
	if s.remembered(org) != nil || s.cache.known() {
		return func() *accessToken { at, _ := s.loadAccess(org); return at }
	}
	ch := make(chan *accessToken, 1)
	go func() {
		at, _ := s.loadAccess(org)
		ch <- at
	}()
	return sync.OnceValue(func() *accessToken { return <-ch })
}

// keepDefault records a switch made with a held token: the stored default organization follows it, as it
// follows a refresh into the organization (makeDefault), org then becoming the most recent of the stored
// access tokens. Nothing is written when the default already is org. The caller holds the session lock.
func (s *Session) keepDefault(rec *record, org string, makeDefault bool) error {
	if !makeDefault || rec.OrganizationID == org {
		return nil
	}
	next := copyRecord(rec)
	next.OrganizationID = org
	var dropped []string
	if org != "" {
		next.AccessOrgs, dropped = withAccessOrg(rec.AccessOrgs, org)
	}
	if err := s.saveRecord(next); err != nil {
		return fmt.Errorf("switched, but the new default organization could not be saved: %w", err)
	}
	for _, o := range dropped {
		_ = s.deleteAccess(o)
	}
	return nil
}

// heldSwitch is what Undo needs of a switch made with a held token.
type heldSwitch struct {
	s            *Session
	to           string
	token        string
	movedDefault bool
}

// switchHeld moves the process into org with a token it holds; the stored default follows in the
// background once the caller proceeds, under the lock the caller took (unlock releases it).
func (s *Session) switchHeld(rec *record, from, org string, at *accessToken, makeDefault bool, unlock func()) *Switch {
	s.remember(org, at)
	s.pin(org)
	sw := newSwitch(from)
	sw.held = &heldSwitch{s: s, to: org, token: at.Token, movedDefault: makeDefault && rec.OrganizationID != org}
	exchanges.add() // a write of the stored session: an exit waits for it too
	go func() {
		defer exchanges.done()
		defer unlock()
		sw.awaitProceed()
		sw.saved <- s.keepDefault(rec, org, makeDefault)
	}()
	return sw
}

// Held reports whether the switch used a token the session already held: no WorkOS round trip, and
// nothing yet proves the session or the membership (the next API read does).
func (w *Switch) Held() bool { return w.held != nil }

// Undo puts the session back where a held switch started, after the API refused the held token (a
// revoked session, a lost membership): this process's organization and the stored default go back to
// From, and the refused token is dropped, so that switching again refreshes and WorkOS judges.
func (w *Switch) Undo(ctx context.Context) error {
	h := w.held
	if h == nil {
		return nil
	}
	_ = w.Wait()
	s := h.s
	s.mu.Lock()
	if at := s.access[h.to]; at != nil && at.Token == h.token {
		delete(s.access, h.to)
	}
	s.mu.Unlock()
	s.pin(w.From)
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if at, err := s.loadAccess(h.to); err == nil && at != nil && at.Token == h.token {
		_ = s.deleteAccess(h.to)
	}
	rec, err := s.loadRecord()
	if err != nil || rec == nil || !h.movedDefault || rec.OrganizationID != h.to {
		return err // nothing to put back, or another switch moved the default since
	}
	return s.keepDefault(rec, w.From, true)
}
