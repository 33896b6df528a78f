package auth

// Reads and writes of the stored session go through here: reads come from this process's copy while the
// generation stamp says nobody wrote since (storecache.go), and every write changes the stamp before and
// after it. A read is kept with the stamp read before it: a write that overlaps the read, or follows it,
// leaves another stamp behind when it ends, so the copy is not trusted past it.

// wholeStore is a store read whole (the token file): the read for the record brings every access token
// too, so they go into the copy with it rather than each costing the file's read and decoding again.
type wholeStore interface {
	loadAll() (*record, map[string]*accessToken, error)
}

func (s *Session) loadRecord() (*record, error) {
	stamp, ok := readStamp(s.lockPath)
	if rec, hit := s.cache.record(stamp, ok); hit {
		return rec, nil
	}
	if w, whole := s.store.(wholeStore); whole {
		rec, access, err := w.loadAll()
		if err == nil && ok {
			s.cache.putRecord(stamp, rec)
			for org, at := range access {
				s.cache.putAccess(stamp, org, at)
			}
		}
		return rec, err
	}
	rec, err := s.store.loadRecord()
	if err == nil && ok {
		s.cache.putRecord(stamp, rec)
	}
	return rec, err
}

func (s *Session) loadAccess(org string) (*accessToken, error) {
	stamp, ok := readStamp(s.lockPath)
	if at, hit := s.cache.accessOf(stamp, ok, org); hit {
		return at, nil
	}
	at, err := s.store.loadAccess(org)
	if err == nil && ok {
		s.cache.putAccess(stamp, org, at)
	}
	return at, err
}

// stamped runs one write of the stored session; the caller holds the session lock. A new stamp goes into
// the lock file first (a writer that dies half way has still told the others), another one after. If a
// stamp cannot be written the store is written all the same (a refreshed session must be kept), and this
// process stops trusting its copy.
func (s *Session) stamped(write func() error, kept func(stamp string)) error {
	prev, prevOK := readStamp(s.lockPath)
	before := newStamp()
	if err := writeStamp(s.lockPath, before); err != nil {
		s.cache.reset()
		return write()
	}
	s.cache.rebase(prev, prevOK, before)
	if err := write(); err != nil {
		s.cache.reset() // what the store holds now is unknown
		return err
	}
	after := newStamp()
	if err := writeStamp(s.lockPath, after); err != nil {
		s.cache.reset()
		return nil
	}
	s.cache.rebase(before, true, after)
	kept(after)
	if s.store.kind() != StorageKeyring {
		return nil
	}
	if m, ok := s.cache.summarize(after, s.store.reason()); ok {
		_ = writeSummary(s.lockPath, m) // without it, Info reads the keychain
	}
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

// saveSession stores a new session, its record and org's access token, in one stamped write.
func (s *Session) saveSession(r *record, org string, at *accessToken) error {
	var accessSaved bool
	return s.stamped(func() error {
		var err error
		accessSaved, err = s.store.saveSession(r, org, at)
		return err
	}, func(stamp string) {
		s.cache.putRecord(stamp, r)
		if accessSaved {
			s.cache.putAccess(stamp, org, at)
		}
	})
}

func (s *Session) deleteAccess(org string) error {
	return s.stamped(func() error { return s.store.deleteAccess(org) },
		func(stamp string) { s.cache.putAccess(stamp, org, nil) })
}

func (s *Session) clearStore(rec *record) error {
	return s.stamped(func() error { return s.store.clear(rec) }, s.cache.cleared)
}
