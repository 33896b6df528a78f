package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/panel-dev/panel/internal/safefile"
)

// fileStore is the explicit --insecure-storage choice: one 0600 JSON file in the profile directory (0700).
type fileStore struct{ path string }

// tokenFileName is the insecure token file below the profile directory.
const tokenFileName = "tokens.json"

type fileData struct {
	Record *record                 `json:"session,omitempty"`
	Access map[string]*accessToken `json:"access_tokens,omitempty"`
}

func (f fileStore) kind() string { return StorageFile }

func (f fileStore) reason() string {
	return "a 0600 file (" + f.path + "), not the keychain: insecure storage is on (--insecure-storage, " +
		"PANEL_INSECURE_STORAGE, the profile's insecure_storage, or panel demo's throwaway profile)"
}

func (f fileStore) read() (fileData, error) {
	var d fileData
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return d, fmt.Errorf("read the token file: %w", err)
	}
	_, _, _ = safefile.Tighten(f.path, 0o600) // copied or restored with looser rights: others may read it no longer
	if err := json.Unmarshal(b, &d); err != nil {
		return fileData{}, &UnreadableSessionError{Path: f.path}
	}
	return d, nil
}

// write replaces the file atomically (temp file + rename), 0600 in a 0700 directory that is the user's.
func (f fileStore) write(d fileData) error {
	if err := safefile.MkdirPrivate(filepath.Dir(f.path)); err != nil {
		return err
	}
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return safefile.WriteAtomic(f.path, b)
}

func (f fileStore) loadRecord() (*record, error) {
	rec, _, err := f.loadAll()
	return rec, err
}

// loadAll is the record and every organization's access token, from one read of the file.
func (f fileStore) loadAll() (*record, map[string]*accessToken, error) {
	d, err := f.read()
	if err != nil || d.Record == nil {
		return nil, d.Access, err
	}
	if d.Record.RefreshToken == "" {
		return nil, nil, &UnreadableSessionError{Path: f.path}
	}
	return d.Record, d.Access, nil
}

func (f fileStore) saveRecord(r *record) error {
	if _, err := encodeItem("stored session", r); err != nil {
		return err // same limit as the keychain, so a profile can move between storages
	}
	d, err := f.read()
	if err != nil {
		d = fileData{}
	}
	d.Record = r
	for org := range d.Access {
		if !contains(r.AccessOrgs, org) {
			delete(d.Access, org)
		}
	}
	return f.write(d)
}

// saveSession writes the record and org's access token in one write of the file, in place of whatever
// session it held (the other organizations' tokens go with it).
func (f fileStore) saveSession(r *record, org string, at *accessToken) (bool, error) {
	if _, err := encodeItem("stored session", r); err != nil {
		return false, err
	}
	if err := f.write(fileData{Record: r, Access: map[string]*accessToken{org: at}}); err != nil {
		return false, err
	}
	return true, nil
}

func (f fileStore) loadAccess(org string) (*accessToken, error) {
	d, err := f.read()
	if err != nil {
		return nil, err
	}
	return d.Access[org], nil
}

func (f fileStore) saveAccess(org string, at *accessToken) error {
	d, err := f.read()
	if err != nil {
		return err
	}
	if d.Access == nil {
		d.Access = map[string]*accessToken{}
	}
	d.Access[org] = at
	return f.write(d)
}

func (f fileStore) deleteAccess(org string) error {
	d, err := f.read()
	if err != nil {
		return err
	}
	delete(d.Access, org)
	return f.write(d)
}

func (f fileStore) clear(*record) error {
	if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
