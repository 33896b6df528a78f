// Package store keeps panel's local per-profile state in
// <profile dir>/state.json: the current project of each organization, the
// previous and recent organizations, pinned organizations, and the last known
// user, organization and project (the TUI's first frame and `status
// --offline` come from them); and, in organizations.json, the organizations
// the user was last seen to belong to (a switch by name needs no list
// request). No network, nothing secret.
//
// Writes are atomic (temp file + rename, 0600) and serialized across
// processes by a file lock; a corrupt file is moved aside with a warning and
// panel carries on with empty state.
package store
