package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
)

// NamesFile holds what the user can name on a command line, as the API last listed it: the projects, services,
// members and sent invitations of each organization, and the invitations the user received. Shell completion
// offers them with no network, and a command resolves a name to its id from them before asking the server.
// Like organizations.json it is a cache: lost or unreadable, it reads as empty and the next list refills it.
const NamesFile = "names.json"

// Kinds of names.
const (
	NamesProjects            = "projects"
	NamesServices            = "services"
	NamesMembers             = "members"
	NamesSentInvitations     = "invitations_sent"
	NamesReceivedInvitations = "invitations_received" // the user's own: kept under no organization
)

// maxNames bounds one list: completion offers names a person types, not a whole directory.
const maxNames = 2000

// Name is one thing a command line can name.
type Name struct {
	ID   string `json:"id"`
	Name string `json:"name"`           // what completion offers: a name, an email, an organization's name
	Note string `json:"note,omitempty"` // shown beside it by shells that show descriptions (a status, an app)
}

// Names is the content of names.json: lists by kind, then by scope (see Store.Names).
type Names struct {
	Version int                          `json:"version"`
	Lists   map[string]map[string][]Name `json:"lists,omitempty"`
}

// Names returns the names of a kind last listed in a scope: an organization (external id), a project (id,
// for services) or "" for the user's own kinds.
func (s *Store) Names(kind, scope string) []Name {
	return s.readNames().Lists[kind][scope]
}

// RememberNames replaces the names of a kind in a scope with a list the API just returned (whole: a name
// missing from it is gone). Nothing is written when nothing changed.
func (s *Store) RememberNames(kind, scope string, names []Name) error {
	if len(names) > maxNames {
		names = names[:maxNames]
	}
	return s.withLock(func() error {
		n := s.readNames()
		if n.Version > SchemaVersion {
			return ErrNewerSchema
		}
		if slices.Equal(n.Lists[kind][scope], names) {
			return nil
		}
		if n.Lists == nil {
			n.Lists = map[string]map[string][]Name{}
		}
		if n.Lists[kind] == nil {
			n.Lists[kind] = map[string][]Name{}
		}
		if len(names) == 0 {
			delete(n.Lists[kind], scope)
		} else {
			n.Lists[kind][scope] = append([]Name(nil), names...)
		}
		n.Version = SchemaVersion
		data, err := json.Marshal(n)
		if err != nil {
			return err
		}
		return s.writeFile(NamesFile, append(data, '\n'))
	})
}

// ForgetNames drops every list (sign-out, another user's sign-in).
func (s *Store) ForgetNames() error {
	return s.forgetFile(NamesFile)
}

func (s *Store) readNames() Names {
	data, err := os.ReadFile(filepath.Join(s.dir, NamesFile))
	var n Names
	if err != nil || json.Unmarshal(data, &n) != nil {
		return Names{Version: SchemaVersion}
	}
	return n
}
