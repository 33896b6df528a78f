package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// KnownOrganizationsFile holds the organizations the user was last seen to
// belong to. It is kept apart from state.json, which every switch rewrites
// and `status --offline` reads: a list of thousands of organizations would
// slow both down.
const KnownOrganizationsFile = "organizations.json"

// KnownOrganization is one of the user's organizations as the API last
// showed it: enough to resolve what the user typed and to switch without
// listing organizations first (a round trip saved on every `orgs switch`).
type KnownOrganization struct {
	ID               string `json:"id,omitempty"`
	ExternalID       string `json:"external_id"`
	Name             string `json:"name,omitempty"`
	Status           string `json:"status,omitempty"`
	DefaultProjectID string `json:"default_project_id,omitempty"`
}

// KnownOrganizations is the content of organizations.json.
type KnownOrganizations struct {
	Version int `json:"version"`
	// Complete: the list came from a walk over all the user's live
	// organizations, so a name missing from it is not the user's (as of At);
	// otherwise it holds organizations seen one by one (switches, checks).
	Complete      bool                `json:"complete,omitempty"`
	At            time.Time           `json:"at,omitzero"`
	Organizations []KnownOrganization `json:"organizations,omitempty"`
}

// Find returns the organization with that external id or id, or that name
// (case-insensitive).
func (k KnownOrganizations) Find(query string) (KnownOrganization, bool) {
	for _, o := range k.Organizations {
		if o.ExternalID == query || (o.ID != "" && o.ID == query) || (o.Name != "" && strings.EqualFold(o.Name, query)) {
			return o, true
		}
	}
	return KnownOrganization{}, false
}

// KnownOrganizations reads the last organization list seen (empty when
// there is none). The file is a cache: an unreadable one reads as empty and
// the next list seen replaces it.
func (s *Store) KnownOrganizations() (KnownOrganizations, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, KnownOrganizationsFile))
	if errors.Is(err, os.ErrNotExist) {
		return KnownOrganizations{Version: SchemaVersion}, nil
	}
	if err != nil {
		return KnownOrganizations{Version: SchemaVersion}, err
	}
	var k KnownOrganizations
	if json.Unmarshal(data, &k) != nil {
		return KnownOrganizations{Version: SchemaVersion}, nil
	}
	return k, nil
}

// RememberOrganizations records organizations the API showed. complete
// replaces the whole list (a walk over all live organizations); otherwise
// each one is added or updated in place. Nothing is written when nothing
// changed.
func (s *Store) RememberOrganizations(orgs []KnownOrganization, complete bool) error {
	return s.updateKnown(func(k *KnownOrganizations) bool {
		if complete {
			k.Organizations = append([]KnownOrganization(nil), orgs...)
			k.Complete = true
			return true
		}
		changed := false
		for _, o := range orgs {
			changed = upsertKnown(k, o) || changed
		}
		return changed
	})
}

// ForgetKnownOrganization drops one organization (left, or no longer the
// user's).
func (s *Store) ForgetKnownOrganization(externalID string) error {
	return s.updateKnown(func(k *KnownOrganizations) bool {
		kept := k.Organizations[:0]
		for _, o := range k.Organizations {
			if o.ExternalID != externalID {
				kept = append(kept, o)
			}
		}
		changed := len(kept) != len(k.Organizations)
		k.Organizations = kept
		return changed
	})
}

// ForgetKnownOrganizations drops the whole list (sign-out, another sign-in).
func (s *Store) ForgetKnownOrganizations() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	err = os.Remove(filepath.Join(s.dir, KnownOrganizationsFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// updateKnown applies fn under the store's lock and writes the list when fn
// reports a change.
func (s *Store) updateKnown(fn func(*KnownOrganizations) bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	k, _ := s.KnownOrganizations()
	if k.Version > SchemaVersion {
		return ErrNewerSchema
	}
	if !fn(&k) {
		return nil
	}
	k.Version, k.At = SchemaVersion, time.Now().UTC()
	data, err := json.Marshal(k)
	if err != nil {
		return err
	}
	return s.writeFile(KnownOrganizationsFile, append(data, '\n'))
}

// upsertKnown adds o or updates the entry with its external id; false when
// the list already said exactly that.
func upsertKnown(k *KnownOrganizations, o KnownOrganization) bool {
	if o.ExternalID == "" {
		return false
	}
	for i, have := range k.Organizations {
		if have.ExternalID == o.ExternalID {
			if have == o {
				return false
			}
			k.Organizations[i] = o
			return true
		}
	}
	k.Organizations = append(k.Organizations, o)
	return true
}
