//go:build !unix

package safefile

import "io/fs"

// NoFollow is 0 where the open flag does not exist (Windows: a link there needs privileges to create).
const NoFollow = 0

func ownerOf(fs.FileInfo) (int, bool) { return 0, false }

func currentUser() int { return 0 }

func isSymlinkRefusal(string, error) bool { return false }

// Tighten does nothing where modes are not Unix permissions.
func Tighten(string, fs.FileMode) (fs.FileMode, bool, error) { return 0, false, nil }

// Writable does nothing here: a failed write says why.
func Writable(string) error { return nil }
