// Package app holds the product operations that the commands and the TUI
// both run, composed from auth (the session), api (the control-panel client)
// and store (local state): switching organization with the session check
// (B15, B10), the session check itself (B10, B23), sign-out (B7), the current
// project (B17), accepting an invitation and creating an organization (both
// followed by a switch), leaving an organization, and the input rules of
// organization names and invitation emails. Nothing here draws or prints.
package app
