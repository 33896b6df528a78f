// Package safefile writes and opens the files panel keeps for one user (tokens, local state, locks, the
// debug log) so that nobody else can read them or redirect them (B27): files are created 0600 and
// directories 0700; lock and log files are never opened through a symbolic link; a directory panel did
// not create keeps its mode and owner, but one that belongs to another user is refused.
//
// It imports nothing of panel's, so every package that writes files (auth, store, the commands) can use
// it.
package safefile
