package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/panel-dev/panel/internal/safefile"
)

// FileName is the state file inside the profile directory.
const FileName = "state.json"

// lockTimeout bounds the wait for another panel process's write.
const lockTimeout = 10 * time.Second

// ErrNewerSchema refuses to overwrite a state file written by a newer panel.
var ErrNewerSchema = errors.New("state.json was written by a newer panel; not overwriting it")

// Store reads and writes one profile's state.json. Safe for concurrent use
// within a process; the file lock covers other processes.
type Store struct {
	dir  string
	warn func(string)

	mu     sync.Mutex
	cached State
	stamp  fileStamp // of the file cached was read from
}

// fileStamp identifies a version of the file: a rename gives a new file, a
// rewrite a new size or time.
type fileStamp struct {
	fi os.FileInfo
}

func (a fileStamp) same(b fileStamp) bool {
	return a.fi != nil && b.fi != nil && os.SameFile(a.fi, b.fi) &&
		a.fi.ModTime().Equal(b.fi.ModTime()) && a.fi.Size() == b.fi.Size()
}

// Open returns the store of a profile directory (created 0700 on first
// write). warn receives one-line warnings (a corrupt file moved aside); nil
// discards them.
func Open(profileDir string, warn func(string)) *Store {
	if warn == nil {
		warn = func(string) {}
	}
	return &Store{dir: profileDir, warn: warn}
}

// Path is the state file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, FileName) }

// Load returns the current state (empty when there is no file yet). It reads
// the file again only when it changed since the last read, so it is cheap
// enough to call on every request.
func (s *Store) Load() (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.loadLocked()
	return st.clone(), err
}

func (s *Store) loadLocked() (State, error) {
	stamp := stampOf(s.Path())
	if stamp.same(s.stamp) {
		return s.cached, nil
	}
	st, err := s.read()
	if err != nil {
		return State{Version: SchemaVersion}, err
	}
	s.cached, s.stamp = st, stamp
	return st, nil
}

// Update applies fn to the state under the file lock and writes the result
// atomically. fn sees the latest state on disk.
func (s *Store) Update(fn func(*State)) error {
	return s.withLock(func() error {
		s.stamp = fileStamp{} // re-read under the lock: another process may have written
		st, err := s.loadLocked()
		if err != nil {
			return err
		}
		if st.Version > SchemaVersion {
			return ErrNewerSchema
		}
		st = st.clone()
		fn(&st)
		st.Version = SchemaVersion
		if err := s.write(st); err != nil {
			return err
		}
		s.cached, s.stamp = st, stampOf(s.Path())
		return nil
	})
}

// withLock runs fn holding the store's mutex (this process) and its file
// lock (other panel processes).
func (s *Store) withLock(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	return fn()
}

// forgetFile removes a cache file under the lock; one already gone is fine.
func (s *Store) forgetFile(name string) error {
	return s.withLock(func() error {
		err := os.Remove(filepath.Join(s.dir, name))
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	})
}

// lock takes the profile's state lock (shared by every file of the store),
// creating the directory 0700 first; the lock file is never opened through a symbolic link. Its wait
// is bounded by lockTimeout and tied to no caller's request: a local write that was started always
// completes.
//
//nolint:contextcheck // a fresh bounded context on purpose (above)
func (s *Store) lock() (unlock func(), err error) {
	if err := safefile.MkdirPrivate(s.dir); err != nil {
		return nil, err
	}
	lock := flock.New(filepath.Join(s.dir, "state.lock"), flock.SetFlag(safefile.LockFlags), flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout)
	defer cancel()
	locked, err := lock.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil || !locked {
		return nil, fmt.Errorf("lock %s: %w", lock.Path(), errors.Join(safefile.NoFollowError(lock.Path(), err), ctx.Err()))
	}
	return func() { _ = lock.Unlock() }, nil
}

// read decodes the file; a corrupt file is moved aside (warned) and read as empty.
func (s *Store) read() (State, error) {
	data, err := os.ReadFile(s.Path())
	if errors.Is(err, os.ErrNotExist) {
		return State{Version: SchemaVersion}, nil
	}
	if err != nil {
		return State{}, err
	}
	s.tightenMode(s.Path())
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		aside := s.Path() + ".corrupt-" + time.Now().UTC().Format("20060102T150405")
		if mvErr := os.Rename(s.Path(), aside); mvErr != nil {
			return State{}, fmt.Errorf("state file is corrupt (%w) and could not be moved aside: %w", err, mvErr)
		}
		s.warn(fmt.Sprintf("warning: %s was corrupt (%v); moved it to %s and started afresh", s.Path(), err, aside))
		return State{Version: SchemaVersion}, nil
	}
	if st.Version == 0 {
		st.Version = SchemaVersion // files before versioning had the same shape
	}
	return st, nil
}

// write replaces state.json atomically.
func (s *Store) write(st State) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return s.writeFile(FileName, append(data, '\n'))
}

// writeFile replaces a file of the profile directory atomically (0600).
func (s *Store) writeFile(name string, data []byte) error {
	if err := safefile.WriteAtomic(filepath.Join(s.dir, name), data); err != nil {
		return fmt.Errorf("cannot save the local state in %s: %w", s.dir, err)
	}
	return nil
}

func stampOf(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{fi: fi}
}

// clone copies the maps and slices so callers never share them with the cache.
func (st State) clone() State {
	c := st
	if st.CurrentProjects != nil {
		c.CurrentProjects = make(map[string]string, len(st.CurrentProjects))
		for k, v := range st.CurrentProjects {
			c.CurrentProjects[k] = v
		}
	}
	c.RecentOrganizations = append([]string(nil), st.RecentOrganizations...)
	c.PinnedOrganizations = append([]string(nil), st.PinnedOrganizations...)
	if st.Last.User != nil {
		u := *st.Last.User
		c.Last.User = &u
	}
	if st.Last.Organization != nil {
		o := *st.Last.Organization
		c.Last.Organization = &o
	}
	if st.Last.Project != nil {
		p := *st.Last.Project
		c.Last.Project = &p
	}
	if st.ResumeOrganization != nil {
		o := *st.ResumeOrganization
		c.ResumeOrganization = &o
	}
	return c
}

// CurrentProject is the stored current project of an organization ("" if
// none or unreadable): the value of auth's ProjectHeader option.
func (s *Store) CurrentProject(orgExternalID string) string {
	st, _ := s.Load()
	return st.CurrentProject(orgExternalID)
}
