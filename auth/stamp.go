package auth

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/panel-dev/panel/internal/safefile"
)

// The generation stamp of the stored session. Every write of the stored session happens under the session
// lock and first leaves a new random stamp in the lock file, so a process can keep what it read of the store
// in memory and read the store (the keychain: milliseconds a call) again only when the stamp changed, that
// is after another process wrote. The stamp goes in before the store is written: a writer that dies half way
// has still told every other process to read again.

// stampLen is the stamp's width: written in place, never truncated (the lock file's inode must stay the
// one other processes lock).
const stampLen = 16

func newStamp() string {
	b := make([]byte, stampLen/2)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// readStamp returns the stamp in the lock file at path ("" for a lock file no write stamped yet); ok is
// false when there is no lock file to read.
func readStamp(path string) (stamp string, ok bool) {
	f, err := os.OpenFile(path, os.O_RDONLY|safefile.NoFollow|syscall.O_NONBLOCK, 0) //nolint:gosec // G304: the profile's lock file
	if err != nil {
		return "", false
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	buf := make([]byte, stampLen+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF { //nolint:errorlint // io.ReadFull returns them bare
		return "", false
	}
	return strings.TrimSpace(string(buf[:n])), true
}

// writeStamp puts stamp at the start of the lock file, which the caller holds locked.
func writeStamp(path, stamp string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|safefile.NoFollow, 0) //nolint:gosec // G304: the profile's lock file
	if err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(stamp+"\n"), 0); err != nil {
		_ = f.Close() // the write's error says more
		return err
	}
	return f.Close()
}
