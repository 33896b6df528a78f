// Package controlpanel is the emulator's control-panel API half: the Koyeb API
// operations of internal/spec served over the shared emulator state, written
// from the spec and the API facts in docs/BEHAVIOUR.md, never from the client's code.
//
// Every operation is served except the deprecated SwitchOrganization and
// UnscopeOrganizationToken and the ExecCommand stream, which answer 501
// unimplemented. The answers a client must tell apart:
//
//	no token, a bad signature, an unknown kid, expired  401 authentication_error "Request unauthenticated with bearer"
//	locked account (any endpoint)                       403 authorization_required "Account is locked"
//	revoked session (GET /v1/account/organization only,
//	  as access tokens stay valid until they expire)    403 authorization_required "Session revoked"
//	membership removed (organization endpoints)         403 authorization_required "You are not a member of this organization"
//	organization DEACTIVATED, DELETING, DELETED or gone 403 authorization_required "Token rejected"
//	token without org_id (organization endpoints)       404 not_found (B23: onboarding, not an error)
//	x-koyeb-project-id of another organization          400 invalid_argument, field "x-koyeb-project-id"
//	invalid input                                       400 invalid_argument with fields [{field, description}]
//	missing resource, or another organization's         404 not_found
//
// Account endpoints (profile, the user's organizations and received
// invitations, creating an organization, SSO) work whatever the token's
// organization is, so a user in a deactivated organization can still list
// and switch away. Organization endpoints (current organization, members,
// sent invitations, projects, logs, metrics) need the token's organization
// live with the user a member.
//
// Wire quirks kept on purpose: pagination is limit ≤ 100 (400 above) and
// offset; members and invitations also return count, the user's
// organizations has_next, projects neither. Array parameters repeat their key
// (statuses=A&statuses=B). POSTs whose body is {} work with no body.
// Project.service_count is a JSON string. Empty fields are omitted, enums
// included (their zero value), as grpc-gateway does.
//
// Tokens are RS256 JWTs with a kid, checked against the emulator's own key,
// or with Options.JWKSURL against another WorkOS's published keys; there,
// users and organizations the data set has never seen are provisioned on
// first use (a placeholder email, an active organization with a default
// project and the token's role).
//
// GET /v1/streams/logs/tail is a WebSocket whose token comes as the
// subprotocols "Bearer, <token>"; the server accepts "Bearer". Frames are
// {"result": LogEntry}, or one {"error": google.rpc.Status} before closing.
package controlpanel
