package auth

import (
	"sync/atomic"
	"testing"
)

// countedFile counts the reads of the token file.
type countedFile struct {
	fileStore
	reads atomic.Int32
}

func (c *countedFile) loadAll() (*record, map[string]*accessToken, error) {
	c.reads.Add(1)
	return c.fileStore.loadAll()
}

func (c *countedFile) loadRecord() (*record, error) {
	c.reads.Add(1)
	return c.fileStore.loadRecord()
}

func (c *countedFile) loadAccess(org string) (*accessToken, error) {
	c.reads.Add(1)
	return c.fileStore.loadAccess(org)
}

// A process on a signed-in profile (a new Session) reads the token file once: the session, its expiry for
// Info (`panel status --offline`) and the held access token a request then sends all come from that read.
func TestTokenFileIsReadOnceAProcess(t *testing.T) {
	ctx, _, o, _ := signedInStorage(t, StorageFile, "test-file-once-")
	s, err := NewSession(o)
	if err != nil {
		t.Fatal(err)
	}
	counted := &countedFile{fileStore: s.store.(fileStore)}
	s.store = counted
	info, err := s.Info(ctx)
	if err != nil || info.ExpiresAt.IsZero() {
		t.Fatalf("Info: %+v, %v (want the access token's expiry)", info, err)
	}
	if _, err := s.Token(ctx); err != nil {
		t.Fatal(err)
	}
	if n := counted.reads.Load(); n != 1 {
		t.Errorf("the token file was read %d times (want 1)", n)
	}
}
