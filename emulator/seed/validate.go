package seed

import (
	"errors"
	"fmt"
	"strings"
)

// OrganizationStatuses are the spec's Organization.Status enum.
var OrganizationStatuses = []string{"WARNING", "LOCKED", "ACTIVE", "DEACTIVATING", "DEACTIVATED", "DELETING", "DELETED"}

// ServiceTypes and ServiceStatuses are the spec's Service.Type and Service.Status enums (a seed may not set
// the zero INVALID_TYPE).
var (
	ServiceTypes    = []string{"WEB", "WORKER", "DATABASE", "SANDBOX"}
	ServiceStatuses = []string{"STARTING", "HEALTHY", "DEGRADED", "UNHEALTHY", "DELETING", "DELETED", "PAUSING",
		"PAUSED", "RESUMING"}
)

// InvitationStatuses are the invitation statuses a seed may set.
var InvitationStatuses = []string{"PENDING", "ACCEPTED", "REFUSED", "EXPIRED"}

// Validate reports the first inconsistency: missing keys, duplicates, members that are not users, unknown enums.
func (s *Seed) Validate() error {
	if len(s.Users) == 0 {
		return errors.New("seed has no users")
	}
	emails := map[string]bool{}
	for i, u := range s.Users {
		e := strings.ToLower(strings.TrimSpace(u.Email))
		if e == "" || u.Password == "" {
			return fmt.Errorf("user %d: email and password are required", i)
		}
		if emails[e] {
			return fmt.Errorf("user %s: duplicate email", e)
		}
		emails[e] = true
	}
	orgs := map[string]bool{}
	for _, o := range s.Organizations {
		if o.ExternalID == "" || o.Name == "" {
			return fmt.Errorf("organization %q: name and external_id are required", o.Name)
		}
		if orgs[o.ExternalID] {
			return fmt.Errorf("organization %s: duplicate external_id", o.ExternalID)
		}
		orgs[o.ExternalID] = true
		if err := o.validate(emails); err != nil {
			return fmt.Errorf("organization %s: %w", o.ExternalID, err)
		}
	}
	return nil
}

func (o *Organization) validate(emails map[string]bool) error {
	if o.Status != "" && !oneOf(o.Status, OrganizationStatuses) {
		return fmt.Errorf("unknown status %q", o.Status)
	}
	for _, m := range o.Members {
		if !emails[strings.ToLower(m.Email)] {
			return fmt.Errorf("member %s is not a user", m.Email)
		}
		if m.Role != "" && m.Role != "owner" && m.Role != "member" {
			return fmt.Errorf("member %s: role must be owner or member", m.Email)
		}
	}
	for _, inv := range o.Invitations {
		if inv.Email == "" {
			return errors.New("invitation without email")
		}
		if inv.Status != "" && !oneOf(inv.Status, InvitationStatuses) {
			return fmt.Errorf("invitation %s: unknown status %q", inv.Email, inv.Status)
		}
	}
	names := map[string]bool{}
	for _, p := range o.Projects {
		if p.Name == "" || names[p.Name] {
			return fmt.Errorf("project %q: empty or duplicate name", p.Name)
		}
		names[p.Name] = true
		if err := p.validate(); err != nil {
			return fmt.Errorf("project %s: %w", p.Name, err)
		}
	}
	if o.DefaultProject != "" && len(o.Projects) > 0 && !names[o.DefaultProject] {
		return fmt.Errorf("default_project %q is not one of its projects", o.DefaultProject)
	}
	return nil
}

func (p *Project) validate() error {
	apps, services := map[string]bool{}, 0
	for _, a := range p.Apps {
		if a.Name == "" || apps[a.Name] {
			return fmt.Errorf("app %q: empty or duplicate name", a.Name)
		}
		apps[a.Name] = true
		names := map[string]bool{}
		for _, sv := range a.Services {
			if sv.Name == "" || names[sv.Name] {
				return fmt.Errorf("app %s: service %q: empty or duplicate name", a.Name, sv.Name)
			}
			names[sv.Name] = true
			if sv.Type != "" && !oneOf(sv.Type, ServiceTypes) {
				return fmt.Errorf("service %s: unknown type %q", sv.Name, sv.Type)
			}
			if sv.Status != "" && !oneOf(sv.Status, ServiceStatuses) {
				return fmt.Errorf("service %s: unknown status %q", sv.Name, sv.Status)
			}
			if sv.Instances != nil && (*sv.Instances < 0 || *sv.Instances > 1000) {
				return fmt.Errorf("service %s: instances must be 0 to 1000", sv.Name)
			}
		}
		services += len(a.Services)
	}
	if len(p.Apps) > 0 && p.ServiceCount != 0 && p.ServiceCount != int64(services) {
		return fmt.Errorf("service_count %d, but its apps have %d services", p.ServiceCount, services)
	}
	return nil
}

func oneOf(s string, set []string) bool {
	for _, v := range set {
		if v == s {
			return true
		}
	}
	return false
}
