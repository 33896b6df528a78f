// Package seed describes the data the emulator starts with: users, organizations with their members,
// invitations and projects. A seed is loaded from YAML or JSON, or taken from the built-in demo seed,
// or generated large for benchmarks.
package seed

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Seed is the whole starting data set. Field names are the file's keys (YAML and JSON alike).
type Seed struct {
	// ClientID is the WorkOS client id the emulator accepts ("" = DemoClientID).
	ClientID string `yaml:"client_id,omitempty" json:"client_id,omitempty"`
	// OrganizationSelectionRequired makes multi-organization users get 403 organization_selection_required at
	// code exchange, as WorkOS does when no organization is chosen.
	OrganizationSelectionRequired bool `yaml:"organization_selection_required,omitempty" json:"organization_selection_required,omitempty"`
	// SelectionGrantNeedsSecret refuses the organization-selection grant without client_secret (WorkOS's spec).
	SelectionGrantNeedsSecret bool `yaml:"selection_grant_needs_secret,omitempty" json:"selection_grant_needs_secret,omitempty"`
	// DiscourseSSOSecret signs Discourse SSO payloads (HMAC-SHA256).
	DiscourseSSOSecret string `yaml:"discourse_sso_secret,omitempty" json:"discourse_sso_secret,omitempty"`
	// CannyPrivateKey signs Canny SSO tokens.
	CannyPrivateKey string `yaml:"canny_private_key,omitempty" json:"canny_private_key,omitempty"`

	// Users in order; the first one is who the emulator signs in when no login_hint is given.
	Users []User `yaml:"users" json:"users"`
	// Organizations in order; a user's memberships are ordered as the organizations are.
	Organizations []Organization `yaml:"organizations" json:"organizations"`
	// LogMessages are the messages generated log lines cycle through (none: a built-in web server's).
	LogMessages []string `yaml:"log_messages,omitempty" json:"log_messages,omitempty"`
}

// User is a person who can sign in.
type User struct {
	ID        string `yaml:"id,omitempty" json:"id,omitempty"` // "" = derived from the email
	Email     string `yaml:"email" json:"email"`
	Password  string `yaml:"password" json:"password"`
	FirstName string `yaml:"first_name,omitempty" json:"first_name,omitempty"`
	LastName  string `yaml:"last_name,omitempty" json:"last_name,omitempty"`
	Locked    bool   `yaml:"locked,omitempty" json:"locked,omitempty"`
}

// Organization is a tenant with its members, the invitations it sent and its projects.
type Organization struct {
	ID         string `yaml:"id,omitempty" json:"id,omitempty"` // "" = a UUID derived from external_id
	ExternalID string `yaml:"external_id" json:"external_id"`   // the WorkOS organization id, the JWT org_id
	Name       string `yaml:"name" json:"name"`
	Status     string `yaml:"status,omitempty" json:"status,omitempty"` // "" = ACTIVE
	Plan       string `yaml:"plan,omitempty" json:"plan,omitempty"`     // "" = hobby
	// DefaultProject names one of Projects ("" = the first project; "default" is created when none is listed).
	DefaultProject string       `yaml:"default_project,omitempty" json:"default_project,omitempty"`
	Projects       []Project    `yaml:"projects,omitempty" json:"projects,omitempty"`
	Members        []Member     `yaml:"members,omitempty" json:"members,omitempty"`
	Invitations    []Invitation `yaml:"invitations,omitempty" json:"invitations,omitempty"`
}

// Member is a membership of a user (by email) in the enclosing organization.
type Member struct {
	Email string `yaml:"email" json:"email"`
	Role  string `yaml:"role,omitempty" json:"role,omitempty"` // owner | member ("" = member)
}

// Invitation is sent by the enclosing organization to an email (which may or may not be a user).
type Invitation struct {
	ID      string `yaml:"id,omitempty" json:"id,omitempty"`
	Email   string `yaml:"email" json:"email"`
	Role    string `yaml:"role,omitempty" json:"role,omitempty"`
	Status  string `yaml:"status,omitempty" json:"status,omitempty"`   // PENDING (default) | ACCEPTED | REFUSED | EXPIRED
	Inviter string `yaml:"inviter,omitempty" json:"inviter,omitempty"` // email of a member ("" = the first owner)
}

// Project belongs to the enclosing organization.
type Project struct {
	ID          string `yaml:"id,omitempty" json:"id,omitempty"` // "" = a UUID derived from org and name
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// ServiceCount is the project's service_count when it lists no apps ("" with apps: how many services
	// they have; given with apps, it must say the same).
	ServiceCount int64 `yaml:"service_count,omitempty" json:"service_count,omitempty"`
	Apps         []App `yaml:"apps,omitempty" json:"apps,omitempty"`
}

// App groups services inside the enclosing project. Its status is its services' worst.
type App struct {
	ID       string    `yaml:"id,omitempty" json:"id,omitempty"` // "" = a UUID derived from org, project and name
	Name     string    `yaml:"name" json:"name"`
	Services []Service `yaml:"services,omitempty" json:"services,omitempty"`
}

// Service runs inside the enclosing app, as Instances copies spread over Regions.
type Service struct {
	ID     string `yaml:"id,omitempty" json:"id,omitempty"` // "" = a UUID derived from org, project, app and name
	Name   string `yaml:"name" json:"name"`
	Type   string `yaml:"type,omitempty" json:"type,omitempty"`     // WEB (default) | WORKER | DATABASE | SANDBOX
	Status string `yaml:"status,omitempty" json:"status,omitempty"` // HEALTHY (default) | STARTING | DEGRADED | ...
	// Instances is how many copies run (nil: 1, none when paused or deleted).
	Instances *int     `yaml:"instances,omitempty" json:"instances,omitempty"`
	Regions   []string `yaml:"regions,omitempty" json:"regions,omitempty"` // "" = [fra]
	// LogMessages are what this service's log lines say, in turn (none: the seed's, else its type's).
	LogMessages []string `yaml:"log_messages,omitempty" json:"log_messages,omitempty"`
}

// Load reads a seed file: JSON when the name ends in .json, YAML otherwise (YAML also reads JSON).
func Load(path string) (*Seed, error) {
	data, err := os.ReadFile(path) //nolint:gosec // G304: the seed file the operator named
	if err != nil {
		return nil, err
	}
	s, err := Parse(data, strings.EqualFold(filepath.Ext(path), ".json"))
	if err != nil {
		return nil, fmt.Errorf("seed %s: %w", path, err)
	}
	return s, nil
}

// Parse decodes a seed and checks it.
func Parse(data []byte, isJSON bool) (*Seed, error) {
	var s Seed
	var err error
	if isJSON {
		err = json.Unmarshal(data, &s)
	} else {
		err = yaml.Unmarshal(data, &s)
	}
	if err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}
