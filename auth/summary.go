package auth

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/panel-dev/panel/internal/safefile"
)

// summary is what Info shows of the stored session, nothing secret: a write of the keychain's session leaves
// it in the lock file, after the stamp it ends with, so that Info (`panel status --offline` in a shell prompt)
// reads no keychain item. It counts only while the lock file's stamp is its own (the next write's first stamp
// already disowns it) and for the same keychain item. The 0600 token file is read as it is: cheap, and an
// edit of it is seen at once.
type summary struct {
	Stamp     string               `json:"stamp"`
	Store     string               `json:"store"`                // whose summary: the keychain item (tokenStore.reason)
	SignedOut bool                 `json:"signed_out,omitempty"` // nothing is stored
	UserID    string               `json:"user_id,omitempty"`
	Email     string               `json:"email,omitempty"`
	Org       string               `json:"org_id,omitempty"` // the stored default organization
	SessionID string               `json:"sid,omitempty"`
	Expires   map[string]time.Time `json:"expires,omitempty"` // this session's access tokens known to be stored
}

// maxLockFile bounds what is read of the lock file (a stamp and a summary of a few hundred bytes).
const maxLockFile = 16 << 10

// readSummary returns the summary in the lock file at path if it is the current one of store.
func readSummary(path, store string) (*summary, bool) {
	f, err := os.OpenFile(path, os.O_RDONLY|safefile.NoFollow|syscall.O_NONBLOCK, 0) //nolint:gosec // G304: the profile's lock file
	if err != nil {
		return nil, false
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	b, err := io.ReadAll(io.LimitReader(f, maxLockFile))
	if err != nil {
		return nil, false
	}
	stamp, rest, ok := strings.Cut(string(b), "\n")
	var sum summary
	if !ok || json.Unmarshal([]byte(strings.TrimSpace(rest)), &sum) != nil || sum.Stamp == "" || sum.Stamp != stamp ||
		sum.Store != store {
		return nil, false // none, half written, another write's, or another storage's
	}
	return &sum, true
}

// record is the summary as a record for Info (no refresh token: never presented).
func (m *summary) record() *record {
	if m.SignedOut {
		return nil
	}
	return &record{UserID: m.UserID, Email: m.Email, OrganizationID: m.Org, SessionID: m.SessionID}
}

// summarize is the summary of what the cache knows at stamp, if it knows the record.
func (c *storeCache) summarize(stamp, store string) (*summary, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.valid || c.stamp != stamp || !c.hasRec {
		return nil, false
	}
	if c.rec == nil {
		return &summary{Stamp: stamp, Store: store, SignedOut: true}, true
	}
	m := &summary{Stamp: stamp, Store: store, UserID: c.rec.UserID, Email: c.rec.Email, Org: c.rec.OrganizationID,
		SessionID: c.rec.SessionID, Expires: map[string]time.Time{}}
	for org, at := range c.access {
		if at != nil && at.SessionID == c.rec.SessionID {
			m.Expires[org] = at.ExpiresAt
		}
	}
	return m, true
}

// writeSummary puts the stamp and its summary in the lock file, which the caller holds locked, in place
// (its inode is the lock), cut to their length.
func writeSummary(path string, m *summary) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	data := append([]byte(m.Stamp+"\n"), append(b, '\n')...)
	f, err := os.OpenFile(path, os.O_WRONLY|safefile.NoFollow, 0) //nolint:gosec // G304: the profile's lock file
	if err != nil {
		return err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		_ = f.Close() // the write's error says more
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		_ = f.Close() // the truncate's error says more
		return err
	}
	return f.Close()
}

// expiry is the summary's expiry of org's access token, if it knows one.
func (m *summary) expiry(org string) (time.Time, bool) {
	if m == nil {
		return time.Time{}, false
	}
	t, ok := m.Expires[org]
	return t, ok
}
