package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"

	"github.com/panel-dev/panel/internal/safefile"
)

// lockWait bounds how long a process waits for another one's read-refresh-write.
var lockWait = time.Minute

// lock takes the profile's session lock, held around every read-refresh-write and every write of the
// stored session, so two processes never present the same single-use refresh token. The lock file sits in
// the profile directory, which belongs to the OS user, next to what it protects.
func (s *Session) lock(ctx context.Context) (unlock func(), err error) {
	if err := safefile.MkdirPrivate(s.opts.ProfileDir); err != nil {
		return nil, fmt.Errorf("the profile directory: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, lockWait)
	defer cancel()
	fl := flock.New(s.lockPath, flock.SetFlag(safefile.LockFlags), flock.SetPermissions(0o600)) // never through a symlink
	ok, err := fl.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil || !ok {
		fl.Close()
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("another panel process has held the session lock %s for over %s", s.lockPath, lockWait)
		}
		if err == nil {
			err = ctx.Err()
		}
		return nil, fmt.Errorf("take the session lock: %w", safefile.NoFollowError(s.lockPath, err))
	}
	return func() { _ = fl.Unlock(); _ = fl.Close() }, nil
}
