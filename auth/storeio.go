package auth

// Reads and writes of the stored session go through here: reads come from this process's copy while the
// generation stamp says nobody else wrote (storecache.go), writes stamp the lock file first. locked says
// the caller holds the session lock, so what it reads stays stored until the stamp moves and is kept.

func (s *Session) loadRecord(locked bool) (*record, error) {
	if !locked && !s.cache.known() {
		return s.store.loadRecord() // nothing to compare a stamp with: spare reading it
	}
	stamp, ok := readStamp(s.lockPath)
	if rec, hit := s.cache.record(stamp, ok); hit {
		return rec, nil
	}
	rec, err := s.store.loadRecord()
	if err == nil && locked && ok {
		s.cache.putRecord(stamp, rec)
	}
	return rec, err
}

func (s *Session) loadAccess(org string, locked bool) (*accessToken, error) {
	if !locked && !s.cache.known() {
		return s.store.loadAccess(org)
	}
	stamp, ok := readStamp(s.lockPath)
	if at, hit := s.cache.accessOf(stamp, ok, org); hit {
		return at, nil
	}
	at, err := s.store.loadAccess(org)
	if err == nil && locked && ok {
		s.cache.putAccess(stamp, org, at)
	}
	return at, err
}

// stamped runs one write of the stored session; the caller holds the session lock. A new stamp goes into
// the lock file first. If it cannot be written the store is written all the same (a refreshed session must
// be kept), and this process stops trusting its copy.
func (s *Session) stamped(write func() error, kept func(stamp string)) error {
	prev, prevOK := readStamp(s.lockPath)
	next := newStamp()
	if err := writeStamp(s.lockPath, next); err != nil {
		s.cache.reset()
		return write()
	}
	s.cache.rebase(prev, prevOK, next)
	if err := write(); err != nil {
		s.cache.reset() // what the store holds now is unknown
		return err
	}
	kept(next)
	return nil
}

func (s *Session) saveRecord(r *record) error {
	return s.stamped(func() error { return s.store.saveRecord(r) },
		func(stamp string) { s.cache.putRecord(stamp, r) })
}

func (s *Session) saveAccess(org string, at *accessToken) error {
	return s.stamped(func() error { return s.store.saveAccess(org, at) },
		func(stamp string) { s.cache.putAccess(stamp, org, at) })
}

func (s *Session) deleteAccess(org string) error {
	return s.stamped(func() error { return s.store.deleteAccess(org) },
		func(stamp string) { s.cache.putAccess(stamp, org, nil) })
}

func (s *Session) clearStore(rec *record) error {
	return s.stamped(func() error { return s.store.clear(rec) }, s.cache.cleared)
}
