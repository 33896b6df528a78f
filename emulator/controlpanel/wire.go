package controlpanel

import (
	"crypto/md5" //nolint:gosec // Gravatar addresses are the MD5 of the email (no security use)
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// The wire types follow the spec's JSON names. Fields are omitted when empty,
// as grpc-gateway does: every response field is optional for clients, and an
// absent enum reads as its zero value (a member's role is the zero INVALID,
// since the spec's UserRole has only INVALID and OWNER).

type userJSON struct {
	ID             string   `json:"id,omitempty"`
	Email          string   `json:"email,omitempty"`
	Name           string   `json:"name,omitempty"`
	AvatarURL      string   `json:"avatar_url,omitempty"`
	CreatedAt      string   `json:"created_at,omitempty"`
	UpdatedAt      string   `json:"updated_at,omitempty"`
	EmailValidated bool     `json:"email_validated,omitempty"`
	Flags          []string `json:"flags,omitempty"`
}

type publicUserJSON struct {
	ID        string `json:"id,omitempty"`
	Email     string `json:"email,omitempty"`
	Name      string `json:"name,omitempty"`
	AvatarURL string `json:"avatar_url,omitempty"`
}

type organizationJSON struct {
	ID               string `json:"id,omitempty"`
	ExternalID       string `json:"external_id,omitempty"`
	Name             string `json:"name,omitempty"`
	Plan             string `json:"plan,omitempty"`
	Status           string `json:"status,omitempty"`
	StatusMessage    string `json:"status_message,omitempty"`
	DefaultProjectID string `json:"default_project_id,omitempty"`
	Verified         bool   `json:"verified,omitempty"`
	HasPaymentMethod bool   `json:"has_payment_method,omitempty"`
	BillingEmail     string `json:"billing_email,omitempty"`
}

type publicOrganizationJSON struct {
	ID         string `json:"id,omitempty"`
	Name       string `json:"name,omitempty"`
	Plan       string `json:"plan,omitempty"`
	Status     string `json:"status,omitempty"`
	ExternalID string `json:"external_id,omitempty"`
}

type memberJSON struct {
	ID             string                  `json:"id,omitempty"`
	OrganizationID string                  `json:"organization_id,omitempty"`
	UserID         string                  `json:"user_id,omitempty"`
	JoinedAt       string                  `json:"joined_at,omitempty"`
	Role           string                  `json:"role,omitempty"`
	Status         string                  `json:"status,omitempty"`
	User           *publicUserJSON         `json:"user,omitempty"`
	Organization   *publicOrganizationJSON `json:"organization,omitempty"`
}

type invitationJSON struct {
	ID             string                  `json:"id,omitempty"`
	Email          string                  `json:"email,omitempty"`
	Role           string                  `json:"role,omitempty"`
	Status         string                  `json:"status,omitempty"`
	ExpiresAt      string                  `json:"expires_at,omitempty"`
	OrganizationID string                  `json:"organization_id,omitempty"`
	Organization   *publicOrganizationJSON `json:"organization,omitempty"`
	InviteeID      string                  `json:"invitee_id,omitempty"`
	Invitee        *publicUserJSON         `json:"invitee,omitempty"`
	InviterID      string                  `json:"inviter_id,omitempty"`
	Inviter        *publicUserJSON         `json:"inviter,omitempty"`
}

type projectJSON struct {
	ID             string `json:"id,omitempty"`
	Name           string `json:"name,omitempty"`
	Description    string `json:"description,omitempty"`
	OrganizationID string `json:"organization_id,omitempty"`
	CreatedAt      string `json:"created_at,omitempty"`
	UpdatedAt      string `json:"updated_at,omitempty"`
	// ServiceCount is an int64, which grpc-gateway writes as a JSON string.
	ServiceCount string `json:"service_count,omitempty"`
}

func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// avatarURL is the Gravatar of the email, as the control panel shows.
func avatarURL(email string) string {
	sum := md5.Sum([]byte(strings.ToLower(strings.TrimSpace(email)))) //nolint:gosec // Gravatar's scheme, not security
	return "https://www.gravatar.com/avatar/" + hex.EncodeToString(sum[:])
}

func toUser(u state.User) *userJSON {
	return &userJSON{ID: u.ID, Email: u.Email, Name: u.Name(), AvatarURL: avatarURL(u.Email),
		CreatedAt: timestamp(u.CreatedAt), UpdatedAt: timestamp(u.UpdatedAt), EmailValidated: u.EmailVerified,
		Flags: []string{"ACTIVE"}}
}

func toPublicUser(u state.User) *publicUserJSON {
	return &publicUserJSON{ID: u.ID, Email: u.Email, Name: u.Name(), AvatarURL: avatarURL(u.Email)}
}

func toOrganization(o state.Organization) *organizationJSON {
	out := &organizationJSON{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name, Plan: o.Plan, Status: o.Status,
		DefaultProjectID: o.DefaultProjectID, Verified: true, HasPaymentMethod: o.Plan != "hobby"}
	out.StatusMessage = "VALID"
	if o.Status != state.OrganizationActive {
		out.StatusMessage = "LOCKED"
	}
	return out
}

func toPublicOrganization(o state.Organization) *publicOrganizationJSON {
	return &publicOrganizationJSON{ID: o.ID, Name: o.Name, Plan: o.Plan, Status: o.Status, ExternalID: o.ExternalID}
}

// wireRole maps the emulator's owner|member to the spec's UserRole enum.
func wireRole(role string) string {
	if role == state.RoleOwner {
		return "OWNER"
	}
	return "" // the zero value, INVALID
}

func toProject(p state.Project) *projectJSON {
	return &projectJSON{ID: p.ID, Name: p.Name, Description: p.Description, OrganizationID: p.OrganizationID,
		CreatedAt: timestamp(p.CreatedAt),
		UpdatedAt: timestamp(p.UpdatedAt), ServiceCount: strconv.FormatInt(p.ServiceCount, 10)}
}

// toMember joins a membership with its user and organization.
func (h *handler) toMember(m state.Membership) *memberJSON {
	out := &memberJSON{ID: m.ID, OrganizationID: m.OrganizationID, UserID: m.UserID, JoinedAt: timestamp(m.JoinedAt),
		Role: wireRole(m.Role), Status: m.Status}
	if u, ok := h.st.User(m.UserID); ok {
		out.User = toPublicUser(u)
	}
	if o, ok := h.st.Organization(m.OrganizationID); ok {
		out.Organization = toPublicOrganization(o)
	}
	return out
}

// toInvitation joins an invitation with its organization, inviter and invitee.
func (h *handler) toInvitation(i state.Invitation) *invitationJSON {
	out := &invitationJSON{ID: i.ID, Email: i.Email, Role: wireRole(i.Role), Status: i.Status,
		ExpiresAt: timestamp(i.ExpiresAt), OrganizationID: i.OrganizationID, InviterID: i.InviterID}
	if o, ok := h.st.Organization(i.OrganizationID); ok {
		out.Organization = toPublicOrganization(o)
	}
	if u, ok := h.st.User(i.InviterID); ok {
		out.Inviter = toPublicUser(u)
	}
	if u, ok := h.st.UserByEmail(i.Email); ok {
		out.InviteeID, out.Invitee = u.ID, toPublicUser(u)
	}
	return out
}
