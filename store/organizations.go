package store

import (
	"bytes"
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

// FindKnownOrganization is KnownOrganizations().Find(query) without
// decoding the whole list: a user of 10,000 organizations has a 1.3 MB file
// that takes tens of milliseconds to decode, a third of a round trip. Each
// organization sits on a line of its own (JSON strings hold no raw newline),
// so an exact external id, id or lower-case name is found by its bytes and
// only that line is decoded; anything else falls back to the whole list.
func (s *Store) FindKnownOrganization(query string) (KnownOrganization, bool) {
	data, err := os.ReadFile(filepath.Join(s.dir, KnownOrganizationsFile))
	if err != nil || query == "" {
		return KnownOrganization{}, false
	}
	q, _ := json.Marshal(query)
	lower, _ := json.Marshal(strings.ToLower(query)) // names are lower case (B20)
	line := lineWithValue(data, q, `"external_id":`, `"id":`)
	if line == nil {
		line = lineWithValue(data, lower, `"name":`)
	}
	var o KnownOrganization
	if line != nil && json.Unmarshal(bytes.TrimRight(line, ","), &o) == nil {
		return o, true
	}
	var k KnownOrganizations
	if json.Unmarshal(data, &k) != nil {
		return KnownOrganization{}, false
	}
	return k.Find(query)
}

// lineWithValue returns the first line holding the JSON string value under
// one of keys. It looks for the value without its opening quote: a search
// starting with '"', the most frequent byte of the file, is several times
// slower.
func lineWithValue(data, value []byte, keys ...string) []byte {
	for from := 0; ; {
		i := bytes.Index(data[from:], value[1:])
		if i < 0 {
			return nil
		}
		i += from
		from = i + 1
		if i == 0 || data[i-1] != '"' {
			continue
		}
		for _, key := range keys {
			if bytes.HasSuffix(data[:i-1], []byte(key)) {
				start := bytes.LastIndexByte(data[:i], '\n') + 1
				end := i + bytes.IndexByte(data[i:], '\n')
				if end < i {
					end = len(data)
				}
				return data[start:end]
			}
		}
	}
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
	return s.forgetFile(KnownOrganizationsFile)
}

// updateKnown applies fn under the store's lock and writes the list when fn
// reports a change.
func (s *Store) updateKnown(fn func(*KnownOrganizations) bool) error {
	return s.withLock(func() error {
		k, _ := s.KnownOrganizations()
		if k.Version > SchemaVersion {
			return ErrNewerSchema
		}
		if !fn(&k) {
			return nil
		}
		k.Version, k.At = SchemaVersion, time.Now().UTC()
		data, err := encodeKnown(k)
		if err != nil {
			return err
		}
		return s.writeFile(KnownOrganizationsFile, data)
	})
}

// encodeKnown writes the list as JSON with one organization per line (what
// FindKnownOrganization relies on).
func encodeKnown(k KnownOrganizations) ([]byte, error) {
	list := k.Organizations
	k.Organizations = nil
	head, err := json.Marshal(k)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(head[:len(head)-1]) // without its closing brace
	b.WriteString(`,"organizations":[` + "\n")
	for i, o := range list {
		line, err := json.Marshal(o)
		if err != nil {
			return nil, err
		}
		b.Write(line)
		if i < len(list)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
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
