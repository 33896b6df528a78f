package state

import (
	"strings"
	"time"

	"github.com/panel-dev/panel/emulator/seed"
)

// New builds the state from a seed (nil = the built-in demo seed). Ids missing from the seed are derived from
// names, so the same seed always yields the same ids.
func New(sd *seed.Seed) (*State, error) {
	if sd == nil {
		sd = seed.Demo()
	}
	if err := sd.Validate(); err != nil {
		return nil, err
	}
	s := &State{
		now:           time.Now,
		users:         map[string]*User{},
		orgs:          map[string]*Organization{},
		orgByExternal: map[string]string{},
		memberships:   map[string]*Membership{},
		byUser:        map[string][]*Membership{},
		byOrg:         map[string][]*Membership{},
		orgProjects:   map[string][]*Project{},
		invitations:   map[string]*Invitation{},
		projects:      map[string]*Project{},
		apps:          map[string]*App{},
		services:      map[string]*Service{},
		instances:     map[string][]Instance{},
		sessions:      map[string]*Session{},
		refreshTokens: map[string]*refreshToken{},
		codes:         map[string]*AuthorizationCode{},
		pending:       map[string]*PendingAuthentication{},
		deviceCodes:   map[string]*DeviceCode{},
		settings: Settings{
			ClientID:                      sd.ClientID,
			OrganizationSelectionRequired: sd.OrganizationSelectionRequired,
			SelectionGrantNeedsSecret:     sd.SelectionGrantNeedsSecret,
			DiscourseSSOSecret:            sd.DiscourseSSOSecret,
			CannyPrivateKey:               sd.CannyPrivateKey,
			LogMessages:                   append([]string(nil), sd.LogMessages...),
		},
	}
	if s.settings.ClientID == "" {
		s.settings.ClientID = seed.DemoClientID
	}
	// A fixed past instant, so seeded records look old and stable.
	created := time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC)
	byEmail := map[string]string{}
	for _, u := range sd.Users {
		email := strings.ToLower(strings.TrimSpace(u.Email))
		id := u.ID
		if id == "" {
			id = WorkOSID("user", email)
		}
		s.users[id] = &User{ID: id, Email: email, FirstName: u.FirstName, LastName: u.LastName,
			Password: u.Password, Locked: u.Locked, EmailVerified: true, CreatedAt: created, UpdatedAt: created}
		s.userOrder = append(s.userOrder, id)
		byEmail[email] = id
	}
	for _, o := range sd.Organizations {
		s.loadOrganization(o, byEmail, created)
	}
	return s, nil
}

func (s *State) loadOrganization(o seed.Organization, byEmail map[string]string, created time.Time) {
	id := o.ID
	if id == "" {
		id = UUID("organization:" + o.ExternalID)
	}
	org := &Organization{ID: id, ExternalID: o.ExternalID, Name: o.Name, Status: o.Status, Plan: o.Plan,
		CreatedAt: created, UpdatedAt: created, seq: s.nextSeq()}
	if org.Status == "" {
		org.Status = "ACTIVE"
	}
	if org.Plan == "" {
		org.Plan = "hobby"
	}
	s.orgs[id] = org
	s.orgByExternal[o.ExternalID] = id

	projects := o.Projects
	if len(projects) == 0 {
		projects = []seed.Project{{Name: "default", Description: "Default project"}}
	}
	defaultName := o.DefaultProject
	if defaultName == "" {
		defaultName = projects[0].Name
	}
	for _, p := range projects {
		pid := p.ID
		if pid == "" {
			pid = UUID("project:" + o.ExternalID + ":" + p.Name)
		}
		count := p.ServiceCount
		if len(p.Apps) > 0 {
			count = s.loadApps(id, o.ExternalID, p, pid, created)
		}
		s.insertProject(&Project{ID: pid, OrganizationID: id, Name: p.Name, Description: p.Description,
			ServiceCount: count, CreatedAt: created, UpdatedAt: created})
		if p.Name == defaultName {
			org.DefaultProjectID = pid
		}
	}

	firstOwner := ""
	for _, m := range o.Members {
		uid := byEmail[strings.ToLower(m.Email)]
		role := m.Role
		if role == "" {
			role = RoleMember
		}
		if role == RoleOwner && firstOwner == "" {
			firstOwner = uid
		}
		mid := UUID("membership:" + o.ExternalID + ":" + uid)
		s.insertMembership(&Membership{ID: mid, OrganizationID: id, UserID: uid, Role: role,
			Status: MembershipActive, JoinedAt: created})
	}
	for _, inv := range o.Invitations {
		email := strings.ToLower(strings.TrimSpace(inv.Email))
		iid := inv.ID
		if iid == "" {
			iid = UUID("invitation:" + o.ExternalID + ":" + email)
		}
		inviter := byEmail[strings.ToLower(inv.Inviter)]
		if inviter == "" {
			inviter = firstOwner
		}
		status, role := inv.Status, inv.Role
		if status == "" {
			status = InvitationPending
		}
		if role == "" {
			role = RoleMember
		}
		// Expired invitations lie in the past; the others expire well after the fixed creation date.
		expires := time.Now().UTC().Add(7 * 24 * time.Hour).Truncate(time.Second)
		if status == InvitationExpired {
			expires = created.Add(7 * 24 * time.Hour)
		}
		s.invitations[iid] = &Invitation{ID: iid, OrganizationID: id, InviterID: inviter, Email: email,
			Role: role, Status: status, ExpiresAt: expires, CreatedAt: created, seq: s.nextSeq()}
	}
}
