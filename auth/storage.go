package auth

// tokenStore keeps one profile's session. Every write happens under the profile's file lock (lock.go), so
// the stores need no locking of their own. Loads return nil, nil when there is nothing stored.
type tokenStore interface {
	kind() string   // "keyring" or "file" (status --json "storage")
	reason() string // why this storage is in use, for panel status
	loadRecord() (*record, error)
	saveRecord(*record) error
	loadAccess(org string) (*accessToken, error)
	saveAccess(org string, at *accessToken) error
	deleteAccess(org string) error
	// saveSession stores a new session at once: the record (its error is the call's) and org's access token,
	// best effort (accessSaved says whether it is stored).
	saveSession(r *record, org string, at *accessToken) (accessSaved bool, err error)
	// clear deletes the record and the access tokens of rec's organizations.
	clear(rec *record) error
}

// Storage kinds reported by Info.Storage.
const (
	StorageKeyring = "keyring"
	StorageFile    = "file"
	StorageEnv     = "env"
)
