package auth

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// keyringService is the keychain service of every panel item; the account is the profile's item name
// (keychain_item.go).
const keyringService = "panel"

// keychainTimeout bounds every keychain call: D-Bus hangs forever when a locked collection waits for an
// unlock dialog nobody answers.
var keychainTimeout = 3 * time.Second

// KeychainError says why the OS keychain cannot be used and what to do instead. It never carries a secret.
type KeychainError struct {
	Op       string // "read", "write" or "delete"
	Cause    string // a sentence naming the cause
	TimedOut bool
	Err      error
}

func (e *KeychainError) Error() string {
	return fmt.Sprintf("cannot %s the session in the OS keychain: %s. To keep the tokens in a 0600 file under "+
		"the config directory instead, pass --insecure-storage (or set PANEL_INSECURE_STORAGE=1)", e.Op, e.Cause)
}

func (e *KeychainError) Unwrap() error { return e.Err }

// keychainCall runs f with the keychain timeout. A call that times out is left running in its goroutine
// (go-keyring cannot be cancelled); its result is dropped.
func keychainCall[T any](op string, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := f()
		ch <- result{v, err}
	}()
	t := time.NewTimer(keychainTimeout)
	defer t.Stop()
	select {
	case r := <-ch:
		if r.err != nil && !errors.Is(r.err, keyring.ErrNotFound) {
			return r.v, &KeychainError{Op: op, Cause: keychainCause(r.err), Err: r.err}
		}
		return r.v, r.err
	case <-t.C:
		var zero T
		return zero, &KeychainError{Op: op, TimedOut: true, Cause: fmt.Sprintf("the keychain did not answer "+
			"within %s (a locked keychain waiting for an unlock prompt?)", keychainTimeout)}
	}
}

// keychainCause turns go-keyring and D-Bus errors into a sentence a user can act on.
func keychainCause(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, keyring.ErrUnsupportedPlatform):
		return "this platform has no supported keychain"
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return "the item is too big for this keychain"
	case strings.Contains(msg, "dbus-launch"), strings.Contains(msg, "DBUS_SESSION_BUS_ADDRESS"),
		strings.Contains(msg, "no such file or directory"), strings.Contains(msg, "connection refused"):
		return "no D-Bus session bus is reachable (typical of SSH sessions, containers and CI), so the " +
			"Secret Service cannot be asked (" + msg + ")"
	case strings.Contains(msg, "org.freedesktop.secrets"), strings.Contains(msg, "ServiceUnknown"):
		return "no Secret Service (gnome-keyring, KeePassXC, ...) is running on the D-Bus session bus (" + msg + ")"
	case strings.Contains(msg, "unlock"), strings.Contains(msg, "locked"):
		return "the keychain is locked and could not be unlocked (" + msg + ")"
	}
	return msg
}

// keyringStore keeps the record in the item (panel, <item>) and each organization's access token in
// (panel, <item>/access/<org>), where item is the profile name, or "<profile>@<hash>" for a profile of
// another config directory than the default one (keychainItem).
type keyringStore struct{ item string }

func (k keyringStore) kind() string { return StorageKeyring }

func (k keyringStore) reason() string {
	return fmt.Sprintf("OS keychain (service %q, item %q)", keyringService, k.item)
}

func (k keyringStore) accessAccount(org string) string {
	if org == "" {
		org = "-"
	}
	return k.item + "/access/" + org
}

func (k keyringStore) get(account string) (string, bool, error) {
	v, err := keychainCall("read", func() (string, error) { return keyring.Get(keyringService, account) })
	if errors.Is(err, keyring.ErrNotFound) {
		return "", false, nil
	}
	return v, err == nil, err
}

func (k keyringStore) set(account, value string) error {
	_, err := keychainCall("write", func() (struct{}, error) {
		return struct{}{}, keyring.Set(keyringService, account, value)
	})
	return err
}

func (k keyringStore) delete(account string) error {
	_, err := keychainCall("delete", func() (struct{}, error) {
		return struct{}{}, keyring.Delete(keyringService, account)
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

func (k keyringStore) loadRecord() (*record, error) {
	v, ok, err := k.get(k.item)
	if !ok {
		return nil, err
	}
	return decodeRecord(v)
}

func (k keyringStore) saveRecord(r *record) error {
	v, err := encodeItem("stored session", r)
	if err != nil {
		return err
	}
	return k.set(k.item, v)
}

func (k keyringStore) loadAccess(org string) (*accessToken, error) {
	v, ok, err := k.get(k.accessAccount(org))
	if !ok {
		return nil, err
	}
	return decodeAccess(v), nil
}

func (k keyringStore) saveAccess(org string, at *accessToken) error {
	v, err := encodeItem("access token", at)
	if err != nil {
		return nil // a token too big for the keychain stays in memory only: refreshes cost more, nothing breaks
	}
	return k.set(k.accessAccount(org), v)
}

func (k keyringStore) deleteAccess(org string) error { return k.delete(k.accessAccount(org)) }

// saveSession writes the two items in parallel: the Secret Service takes the second while the first is on
// its way, instead of after its answer. The access token written for a record that could not be is
// deleted again (best effort): it would belong to no stored session.
func (k keyringStore) saveSession(r *record, org string, at *accessToken) (bool, error) {
	v, err := encodeItem("stored session", r)
	if err != nil {
		return false, err
	}
	a, aerr := encodeItem("access token", at)
	if aerr != nil {
		return false, k.set(k.item, v) // too big for the keychain: in memory only, as saveAccess
	}
	accessErr := make(chan error, 1)
	go func() { accessErr <- k.set(k.accessAccount(org), a) }()
	err = k.set(k.item, v)
	saved := <-accessErr == nil
	if err != nil && saved {
		_ = k.deleteAccess(org)
	}
	return saved && err == nil, err
}

func (k keyringStore) clear(rec *record) error {
	var errs []error
	if rec != nil {
		for _, org := range rec.AccessOrgs {
			errs = append(errs, k.deleteAccess(org))
		}
	}
	errs = append(errs, k.delete(k.item))
	return errors.Join(errs...)
}
