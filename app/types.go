package app

import (
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
)

// The product's nouns as the CLI and the TUI name them: the API's and the
// session's own types, so that a caller of app never imports api or auth.
type (
	// User is the signed-in person.
	User = api.User
	// Organization is an organization the user belongs to.
	Organization = api.Organization
	// OrganizationStatus is ACTIVE, DEACTIVATED, …
	OrganizationStatus = api.OrganizationStatus
	// Project is a project of an organization.
	Project = api.Project
	// Member is a membership of a user in an organization.
	Member = api.OrganizationMember
	// Role is a member's role.
	Role = api.Role
	// Invitation is an invitation to join an organization, sent or received.
	Invitation = api.OrganizationInvitation
	// InvitationStatus is PENDING, ACCEPTED, REFUSED or EXPIRED.
	InvitationStatus = api.InvitationStatus
	// Application is an app of a project: it groups services.
	Application = api.App
	// Service is a service of an app.
	Service = api.Service
	// ServiceStatus is HEALTHY, DEGRADED, PAUSED, …
	ServiceStatus = api.ServiceStatus
	// Instance is a running copy of a service.
	Instance = api.Instance
	// InstanceStatus is HEALTHY, STARTING, UNHEALTHY, …
	InstanceStatus = api.InstanceStatus
	// SessionInfo is what the stored session says without network: who, in
	// which organization, until when, stored where.
	SessionInfo = auth.Info
)

// The values of those types that the product's rules name.
const (
	RoleOwner = api.RoleOwner

	InvitationPending  = api.InvitationPending
	InvitationAccepted = api.InvitationAccepted
	InvitationRefused  = api.InvitationRefused
	InvitationExpired  = api.InvitationExpired

	OrganizationActive      = api.OrganizationActive
	OrganizationDeactivated = api.OrganizationDeactivated

	ServiceHealthy   = api.ServiceHealthy
	ServiceDegraded  = api.ServiceDegraded
	ServiceUnhealthy = api.ServiceUnhealthy
	ServicePaused    = api.ServicePaused

	InstanceHealthy   = api.InstanceHealthy
	InstanceUnhealthy = api.InstanceUnhealthy
	InstanceError     = api.InstanceError
)

// EveryInvitationStatus asks an invitation list for every status (the lists
// show the pending ones unless asked).
var EveryInvitationStatus = []InvitationStatus{api.InvitationInvalid, api.InvitationPending, api.InvitationAccepted,
	api.InvitationRefused, api.InvitationExpired}
