package auth

import (
	"encoding/json"
	"fmt"
	"time"
)

// maxItemSize is the smallest keychain limit (Windows Credential Manager: 2560 bytes of secret): every item
// is checked against it before writing, on every platform, so a profile never works on one OS only.
const maxItemSize = 2560

// record is the stored session: the refresh token and metadata, never a blob that grows.
type record struct {
	Version        int       `json:"v"`
	RefreshToken   string    `json:"refresh_token"`
	SessionID      string    `json:"sid"`
	UserID         string    `json:"user_id"`
	Email          string    `json:"email,omitempty"`
	OrganizationID string    `json:"org_id,omitempty"` // the stored default organization (external id)
	SignedInAt     time.Time `json:"signed_in_at"`
	// AccessOrgs lists the organizations that have a stored access token item, so sign-out finds them all.
	AccessOrgs []string `json:"access_orgs,omitempty"`
}

// accessToken is one organization's access token with its expiry on the local clock.
type accessToken struct {
	Token          string    `json:"token"`
	ExpiresAt      time.Time `json:"expires_at"`
	SessionID      string    `json:"sid"`
	OrganizationID string    `json:"org_id,omitempty"`
}

// validFor reports whether the token is still good for at least margin.
func (a *accessToken) validFor(now time.Time, margin time.Duration) bool {
	return a != nil && a.Token != "" && now.Add(margin).Before(a.ExpiresAt)
}

// refreshMargin: tokens are refreshed this long before they expire (as AuthKit does).
const refreshMargin = 10 * time.Second

// maxAccessItems bounds the per-organization access token items (support staff switch a lot).
const maxAccessItems = 8

const recordVersion = 1

func encodeItem(kind string, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if len(b) > maxItemSize {
		return "", fmt.Errorf("the %s is %d bytes, over the %d-byte keychain limit", kind, len(b), maxItemSize)
	}
	return string(b), nil
}

func decodeRecord(s string) (*record, error) {
	var r record
	if err := json.Unmarshal([]byte(s), &r); err != nil || r.RefreshToken == "" {
		return nil, &UnreadableSessionError{}
	}
	return &r, nil
}

// withAccessOrg returns the org list with org added last (most recent), trimmed to maxAccessItems; the
// dropped organizations are returned so their items can be deleted.
func withAccessOrg(orgs []string, org string) (kept, dropped []string) {
	for _, o := range orgs {
		if o != org {
			kept = append(kept, o)
		}
	}
	kept = append(kept, org)
	if n := len(kept) - maxAccessItems; n > 0 {
		dropped, kept = kept[:n], kept[n:]
	}
	return kept, dropped
}

func decodeAccess(s string) *accessToken {
	var a accessToken
	if json.Unmarshal([]byte(s), &a) != nil || a.Token == "" {
		return nil // unreadable: treated as absent, a refresh replaces it
	}
	return &a
}
