package auth

import (
	"errors"
	"testing"
)

// Info in a new process (panel status --offline) reads the summary the last write left in the lock file,
// not the keychain: none of its items after a sign-in, nor after a sign-out. A write's first stamp disowns
// the summary: until the write ends, Info reads the keychain. The token file is read as it is.
func TestInfoReadsTheSummaryNotTheKeychain(t *testing.T) {
	for _, storage := range []string{StorageKeyring, StorageFile} {
		t.Run(storage, func(t *testing.T) {
			ctx, _, o, s := signedInStorage(t, storage, "test-summary-")
			want, _ := s.Info(ctx)

			other, err := NewSession(o)
			if err != nil {
				t.Fatal(err)
			}
			counted := &countingStore{tokenStore: other.store}
			other.store = counted
			info, err := other.Info(ctx)
			if err != nil || info.Email != "alice@example.com" || info.OrganizationID != "org_acme" ||
				info.SessionID != want.SessionID || !info.ExpiresAt.Equal(want.ExpiresAt) || info.Storage != storage {
				t.Fatalf("another process's Info = %+v, %v; want %+v", info, err, want)
			}
			if n := counted.reads.Load(); storage == StorageKeyring && n != 0 {
				t.Fatalf("another process's Info: %d keychain reads, want 0", n)
			}
			if n := counted.reads.Load(); storage == StorageFile && n == 0 {
				t.Fatal("another process's Info did not read the token file")
			}

			if err := writeStamp(s.lockPath, newStamp()); err != nil { // a write begins
				t.Fatal(err)
			}
			if _, err := other.Info(ctx); err != nil || counted.reads.Load() == 0 {
				t.Fatalf("Info while a write is under way: %v, %d store reads (want the store read)", err, counted.reads.Load())
			}

			if _, err := s.Logout(ctx); err != nil {
				t.Fatal(err)
			}
			fresh, _ := NewSession(o)
			freshCount := &countingStore{tokenStore: fresh.store}
			fresh.store = freshCount
			if _, err := fresh.Info(ctx); !errors.Is(err, ErrLoginRequired) || (storage == StorageKeyring) != (freshCount.reads.Load() == 0) {
				t.Fatalf("Info after sign-out: %v, %d store reads; want login required, from the summary", err, freshCount.reads.Load())
			}
		})
	}
}
