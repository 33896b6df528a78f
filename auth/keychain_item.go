package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// keychainItem names a profile's keychain item. The session lock lives in the profile directory, so the
// item must be shared exactly when the directory is: two config directories with the same profile name
// (tests, `panel demo`, PANEL_CONFIG_DIR) would otherwise share one single-use refresh token under two
// locks. The default directory keeps the plain profile name; any other one gets
// "<profile>@<12 hex digits of sha256(profile directory)>".
func keychainItem(profile, profileDir string) string {
	dir := cleanAbs(profileDir)
	if def, ok := defaultProfileDir(profile); ok && dir == def {
		return profile
	}
	sum := sha256.Sum256([]byte(dir))
	return profile + "@" + hex.EncodeToString(sum[:6])
}

// defaultProfileDir is where internal/config puts the profile when PANEL_CONFIG_DIR is not set:
// <user config dir>/panel/profiles/<profile> (a test pins the two together).
func defaultProfileDir(profile string) (string, bool) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", false
	}
	return cleanAbs(filepath.Join(base, "panel", "profiles", profile)), true
}

func cleanAbs(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
