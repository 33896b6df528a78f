package auth

import "sync"

// storeCache is this process's copy of the stored session, good while the lock file carries the stamp it
// was read or written under (stamp.go, storeio.go).
type storeCache struct {
	mu     sync.Mutex
	stamp  string
	valid  bool // stamp is one this process read or wrote
	rec    *record
	hasRec bool                    // rec is known (nil: nothing stored)
	access map[string]*accessToken // an organization present with nil: known to have no token stored
}

// at makes the cache the one of stamp, emptying it when the stamp moved. The caller holds c.mu.
func (c *storeCache) at(stamp string) {
	if c.valid && c.stamp == stamp {
		return
	}
	c.stamp, c.valid = stamp, true
	c.rec, c.hasRec, c.access = nil, false, map[string]*accessToken{}
}

// known reports whether the cache holds what some stamp confirmed.
func (c *storeCache) known() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.valid
}

func (c *storeCache) reset() {
	c.mu.Lock()
	c.valid = false
	c.mu.Unlock()
}

func (c *storeCache) record(stamp string, ok bool) (*record, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok || !c.valid || c.stamp != stamp || !c.hasRec {
		return nil, false
	}
	return copyRecord(c.rec), true
}

func (c *storeCache) accessOf(stamp string, ok bool, org string) (*accessToken, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok || !c.valid || c.stamp != stamp {
		return nil, false
	}
	at, known := c.access[org]
	return copyAccess(at), known
}

func (c *storeCache) putRecord(stamp string, r *record) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at(stamp)
	c.rec, c.hasRec = copyRecord(r), true
	if r != nil {
		for org := range c.access {
			if !contains(r.AccessOrgs, org) {
				delete(c.access, org) // the file store drops them with the record: read again
			}
		}
	}
}

func (c *storeCache) putAccess(stamp, org string, at *accessToken) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at(stamp)
	c.access[org] = copyAccess(at)
}

// cleared: the record is gone and no organization's token is known any more.
func (c *storeCache) cleared(stamp string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.valid = false
	c.at(stamp)
	c.hasRec = true
}

// rebase moves a cache that was current at prev onto the stamp this process is about to write: its
// content stays true, since only the lock holder writes. One that was not current is emptied.
func (c *storeCache) rebase(prev string, prevOK bool, next string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prevOK && c.valid && c.stamp == prev {
		c.stamp = next
		return
	}
	c.valid = false
	c.at(next)
}

func copyRecord(r *record) *record {
	if r == nil {
		return nil
	}
	cp := *r
	cp.AccessOrgs = append([]string(nil), r.AccessOrgs...)
	return &cp
}

func copyAccess(at *accessToken) *accessToken {
	if at == nil {
		return nil
	}
	cp := *at
	return &cp
}
