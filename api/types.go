package api

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Every response field of the API is optional and enums are omitted when they
// hold their zero value (proto3 JSON). The types below decode missing enums as
// the spec's default, times that are absent or empty as the zero time, and
// Project.service_count (a JSON string in the spec) from a string or a number.

// User is the signed-in user's profile (GET /v1/account/profile).
type User struct {
	ID                      string   `json:"id,omitempty"`
	Email                   string   `json:"email,omitempty"`
	Name                    string   `json:"name,omitempty"`
	AvatarURL               string   `json:"avatar_url,omitempty"`
	TwoFactorAuthentication bool     `json:"two_factor_authentication,omitempty"`
	LastLogin               Time     `json:"last_login,omitzero"`
	LastLoginIP             string   `json:"last_login_ip,omitempty"`
	UpdatedAt               Time     `json:"updated_at,omitzero"`
	CreatedAt               Time     `json:"created_at,omitzero"`
	NewsletterSubscribed    bool     `json:"newsletter_subscribed,omitempty"`
	GithubID                string   `json:"github_id,omitempty"`
	GithubUser              string   `json:"github_user,omitempty"`
	Flags                   []string `json:"flags,omitempty"`
	EmailValidated          bool     `json:"email_validated,omitempty"`
	Trialed                 bool     `json:"trialed,omitempty"`
}

// Organization is an organization as the API describes it to its members.
// ExternalID is the WorkOS organization id, the org_id claim of tokens.
type Organization struct {
	ID                    string             `json:"id,omitempty"`
	ExternalID            string             `json:"external_id,omitempty"`
	Name                  string             `json:"name,omitempty"`
	Status                OrganizationStatus `json:"status,omitempty"`
	StatusMessage         string             `json:"status_message,omitempty"`
	DeactivationReason    string             `json:"deactivation_reason,omitempty"`
	Plan                  string             `json:"plan,omitempty"`
	PlanUpdatedAt         Time               `json:"plan_updated_at,omitzero"`
	DefaultProjectID      string             `json:"default_project_id,omitempty"`
	Provisioning          bool               `json:"provisioning,omitempty"`
	Address1              string             `json:"address1,omitempty"`
	Address2              string             `json:"address2,omitempty"`
	City                  string             `json:"city,omitempty"`
	PostalCode            string             `json:"postal_code,omitempty"`
	State                 string             `json:"state,omitempty"`
	Country               string             `json:"country,omitempty"`
	Company               bool               `json:"company,omitempty"`
	VATNumber             string             `json:"vat_number,omitempty"`
	BillingName           string             `json:"billing_name,omitempty"`
	BillingEmail          string             `json:"billing_email,omitempty"`
	HasPaymentMethod      bool               `json:"has_payment_method,omitempty"`
	SubscriptionID        string             `json:"subscription_id,omitempty"`
	CurrentSubscriptionID string             `json:"current_subscription_id,omitempty"`
	LatestSubscriptionID  string             `json:"latest_subscription_id,omitempty"`
	SignupQualification   json.RawMessage    `json:"signup_qualification,omitempty"`
	Verified              bool               `json:"verified,omitempty"`
	QualifiesForHobby23   bool               `json:"qualifies_for_hobby23,omitempty"`
	ReprocessAfter        Time               `json:"reprocess_after,omitzero"`
	Trialing              bool               `json:"trialing,omitempty"`
	TrialStartsAt         Time               `json:"trial_starts_at,omitzero"`
	TrialEndsAt           Time               `json:"trial_ends_at,omitzero"`
	EmailDomainAllowlist  []string           `json:"email_domain_allowlist,omitempty"`
}

// UnmarshalJSON applies the spec's enum defaults to omitted fields.
func (o *Organization) UnmarshalJSON(b []byte) error {
	type plain Organization
	p := plain{Status: OrganizationWarning, StatusMessage: "NEW", DeactivationReason: "INVALID", Plan: "hobby"}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = Organization(p)
	return nil
}

// OrganizationStatus is Organization.Status.
type OrganizationStatus string

// Organization statuses; the first is the zero value the API omits.
const (
	OrganizationWarning      OrganizationStatus = "WARNING"
	OrganizationLocked       OrganizationStatus = "LOCKED"
	OrganizationActive       OrganizationStatus = "ACTIVE"
	OrganizationDeactivating OrganizationStatus = "DEACTIVATING"
	OrganizationDeactivated  OrganizationStatus = "DEACTIVATED"
	OrganizationDeleting     OrganizationStatus = "DELETING"
	OrganizationDeleted      OrganizationStatus = "DELETED"
)

// LiveOrganizationStatuses are the five statuses of organizations a user can
// still open (the org switcher lists these, B14).
var LiveOrganizationStatuses = []OrganizationStatus{
	OrganizationWarning, OrganizationLocked, OrganizationActive, OrganizationDeactivating, OrganizationDeactivated,
}

// PublicOrganization is the short organization embedded in members and invitations.
type PublicOrganization struct {
	ID         string             `json:"id,omitempty"`
	Name       string             `json:"name,omitempty"`
	Plan       string             `json:"plan,omitempty"`
	Status     OrganizationStatus `json:"status,omitempty"`
	ExternalID string             `json:"external_id,omitempty"`
}

// UnmarshalJSON applies the spec's enum defaults to omitted fields.
func (o *PublicOrganization) UnmarshalJSON(b []byte) error {
	type plain PublicOrganization
	p := plain{Status: OrganizationWarning, Plan: "hobby"}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = PublicOrganization(p)
	return nil
}

// PublicUser is the short user embedded in members and invitations.
type PublicUser struct {
	ID         string `json:"id,omitempty"`
	Email      string `json:"email,omitempty"`
	Name       string `json:"name,omitempty"`
	AvatarURL  string `json:"avatar_url,omitempty"`
	GithubID   string `json:"github_id,omitempty"`
	GithubUser string `json:"github_user,omitempty"`
}

// Role is UserRole.Role: OWNER, or INVALID (the zero value, an ordinary member).
type Role string

// Roles.
const (
	RoleInvalid Role = "INVALID"
	RoleOwner   Role = "OWNER"
)

// OrganizationMember is a membership of a user in an organization.
type OrganizationMember struct {
	ID             string              `json:"id,omitempty"`
	OrganizationID string              `json:"organization_id,omitempty"`
	UserID         string              `json:"user_id,omitempty"`
	ExternalID     string              `json:"external_id,omitempty"`
	JoinedAt       Time                `json:"joined_at,omitzero"`
	Role           Role                `json:"role,omitempty"`
	Status         MemberStatus        `json:"status,omitempty"`
	User           *PublicUser         `json:"user,omitempty"`
	Organization   *PublicOrganization `json:"organization,omitempty"`
}

// UnmarshalJSON applies the spec's enum defaults to omitted fields.
func (m *OrganizationMember) UnmarshalJSON(b []byte) error {
	type plain OrganizationMember
	p := plain{Role: RoleInvalid, Status: MemberInvalid}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*m = OrganizationMember(p)
	return nil
}

// MemberStatus is OrganizationMember.Status.
type MemberStatus string

// Member statuses.
const (
	MemberInvalid MemberStatus = "INVALID"
	MemberActive  MemberStatus = "ACTIVE"
	MemberDeleted MemberStatus = "DELETED"
)

// OrganizationInvitation is an invitation, sent (by the current organization)
// or received (by the signed-in user).
type OrganizationInvitation struct {
	ID             string              `json:"id,omitempty"`
	Email          string              `json:"email,omitempty"`
	Role           Role                `json:"role,omitempty"`
	Status         InvitationStatus    `json:"status,omitempty"`
	ExpiresAt      Time                `json:"expires_at,omitzero"`
	OrganizationID string              `json:"organization_id,omitempty"`
	Organization   *PublicOrganization `json:"organization,omitempty"`
	InviteeID      string              `json:"invitee_id,omitempty"`
	Invitee        *PublicUser         `json:"invitee,omitempty"`
	InviterID      string              `json:"inviter_id,omitempty"`
	Inviter        *PublicUser         `json:"inviter,omitempty"`
}

// UnmarshalJSON applies the spec's enum defaults to omitted fields.
func (i *OrganizationInvitation) UnmarshalJSON(b []byte) error {
	type plain OrganizationInvitation
	p := plain{Role: RoleInvalid, Status: InvitationInvalid}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*i = OrganizationInvitation(p)
	return nil
}

// InvitationStatus is OrganizationInvitation.Status.
type InvitationStatus string

// Invitation statuses.
const (
	InvitationInvalid  InvitationStatus = "INVALID"
	InvitationPending  InvitationStatus = "PENDING"
	InvitationAccepted InvitationStatus = "ACCEPTED"
	InvitationRefused  InvitationStatus = "REFUSED"
	InvitationExpired  InvitationStatus = "EXPIRED"
)

// Project groups services inside an organization.
type Project struct {
	ID             string `json:"id,omitempty"`
	Name           string `json:"name,omitempty"`
	Description    string `json:"description,omitempty"`
	OrganizationID string `json:"organization_id,omitempty"`
	UpdatedAt      Time   `json:"updated_at,omitzero"`
	CreatedAt      Time   `json:"created_at,omitzero"`
	ServiceCount   Int64  `json:"service_count,omitempty"`
}

// LogEntry is one line of a log stream.
type LogEntry struct {
	Msg       string          `json:"msg,omitempty"`
	CreatedAt Time            `json:"created_at,omitzero"`
	Labels    json.RawMessage `json:"labels,omitempty"`
}

// Int64 is an int64 the API encodes as a JSON string ("3"); it also accepts
// a number, an empty string and null, and encodes back as a string.
type Int64 int64

// UnmarshalJSON accepts "3", 3, "" and null.
func (n *Int64) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return err
	}
	*n = Int64(v)
	return nil
}

// MarshalJSON encodes n as the API does, a JSON string.
func (n Int64) MarshalJSON() ([]byte, error) {
	return []byte(`"` + strconv.FormatInt(int64(n), 10) + `"`), nil
}

// Time is a timestamp that may be absent, null or empty (all the zero time).
type Time struct{ time.Time }

// UnmarshalJSON accepts RFC 3339 strings, "" and null.
func (t *Time) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" || s == `""` {
		t.Time = time.Time{}
		return nil
	}
	return t.Time.UnmarshalJSON(b)
}

// MarshalJSON encodes t as RFC 3339 (callers omit the zero time with omitzero).
func (t Time) MarshalJSON() ([]byte, error) { return t.Time.MarshalJSON() }
