// Package config resolves panel's configuration: flags win over PANEL_*
// environment variables, which win over the config file in the user config
// directory, which wins over built-in defaults. It also owns the on-disk
// layout: every file panel writes lives below Dir (PANEL_CONFIG_DIR).
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Production endpoints; a profile or PANEL_* variables point elsewhere
// (the emulator, a staging WorkOS environment).
const (
	DefaultAuthURL = "https://api.workos.com"
	DefaultAPIURL  = "https://app.koyeb.com"
	DefaultProfile = "default"
)

// Config is the resolved configuration of one process.
type Config struct {
	Dir             string // root of everything panel writes (0700)
	Profile         string
	ClientID        string
	AuthURL         string
	APIURL          string
	Token           string // PANEL_TOKEN: a ready access token, never stored
	OrganizationID  string // this process's organization (external_id), not the stored default
	InsecureStorage bool   // tokens in a 0600 file instead of the keychain
	CallbackPort    int    // the profile's fixed loopback port for browser sign-ins (0: random)
	Browser         string // BROWSER: a command that receives the URL as its one argument
	NoColor         bool
	Debug           bool // log to Dir/profiles/<profile>/debug.log
	// Organizations are the TUI header's colour and label per organization, by id or name.
	Organizations map[string]Organization
	Source        map[string]string

	// Warnings are one-line notices about the configuration (unknown keys in the file, a profile
	// directory others can write in) for stderr; Warn receives those found after Load.
	Warnings []string
	Warn     func(string)
}

// Overrides are values given on the command line; empty means "not given".
type Overrides struct {
	Profile         string
	ClientID        string
	AuthURL         string
	APIURL          string
	OrganizationID  string
	InsecureStorage bool
	Debug           bool
}

// validProfileName: a letter or digit, then up to 63 letters, digits, '_', '.' or '-' (ASCII). Written
// out rather than a regular expression: it runs on every start, and compiling {0,63} costs more than the
// whole check.
func validProfileName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '.' && c != '-') {
			return false
		}
	}
	return true
}

// Load resolves the configuration from overrides, the environment and the file.
func Load(o Overrides) (*Config, error) {
	dir, err := rootDir()
	if err != nil {
		return nil, err
	}
	file, warnings, err := readFile(filepath.Join(dir, FileName))
	if err != nil {
		return nil, err
	}
	c := &Config{Dir: dir, Source: map[string]string{}, Warnings: warnings}
	c.Profile = c.pick("profile", o.Profile, os.Getenv("PANEL_PROFILE"), file.DefaultProfile, DefaultProfile)
	if !validProfileName(c.Profile) {
		return nil, fmt.Errorf("invalid profile name %q: use letters, digits, '.', '_' and '-'", c.Profile)
	}
	p := file.Profiles[c.Profile]
	c.ClientID = c.pick("client_id", o.ClientID, os.Getenv("PANEL_CLIENT_ID"), p.ClientID, "")
	c.AuthURL = strings.TrimRight(c.pick("auth_url", o.AuthURL, os.Getenv("PANEL_AUTH_URL"), p.AuthURL, DefaultAuthURL), "/")
	c.APIURL = strings.TrimRight(c.pick("api_url", o.APIURL, os.Getenv("PANEL_API_URL"), p.APIURL, DefaultAPIURL), "/")
	c.OrganizationID = c.pick("organization_id", o.OrganizationID, os.Getenv("PANEL_ORGANIZATION_ID"), "", "")
	c.Token = os.Getenv("PANEL_TOKEN")
	c.Browser = os.Getenv("BROWSER")
	c.NoColor = os.Getenv("NO_COLOR") != ""
	c.InsecureStorage = o.InsecureStorage || truthy(os.Getenv("PANEL_INSECURE_STORAGE")) || p.InsecureStorage
	c.Debug = o.WantDebug()
	if p.CallbackPort < 0 || p.CallbackPort > 65535 {
		return nil, fmt.Errorf("profile %s: callback_port %d is not a TCP port (1-65535)", c.Profile, p.CallbackPort)
	}
	c.CallbackPort = p.CallbackPort
	var orgWarnings []string
	c.Organizations, orgWarnings = organizations(filepath.Join(dir, FileName), c.Profile, file.Organizations, p.Organizations)
	c.Warnings = append(c.Warnings, orgWarnings...)
	if c.CallbackPort != 0 {
		c.Source["callback_port"] = "config file"
	}
	return c, nil
}

// pick returns the first non-empty value and records where it came from.
func (c *Config) pick(key, flag, env, file, def string) string {
	for i, v := range []string{flag, env, file, def} {
		if v != "" {
			c.Source[key] = [...]string{"flag", "environment", "config file", "default"}[i]
			return v
		}
	}
	return ""
}

// ProfileDir is the directory of the current profile's local state.
func (c *Config) ProfileDir() string { return filepath.Join(c.Dir, "profiles", c.Profile) }

// ErrNoClientID is returned by RequireClientID when no client id is configured.
var ErrNoClientID = errors.New("no WorkOS client ID configured: set PANEL_CLIENT_ID, pass --client-id, " +
	"or add client_id to the profile in the config file (try `panel demo` to run against the built-in emulator)")

// RequireClientID fails with a clear message when the client id is missing.
func (c *Config) RequireClientID() error {
	if c.ClientID == "" {
		return ErrNoClientID
	}
	return nil
}

func rootDir() (string, error) {
	if d := os.Getenv("PANEL_CONFIG_DIR"); d != "" {
		return filepath.Abs(d)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the user config directory (set PANEL_CONFIG_DIR): %w", err)
	}
	return filepath.Join(base, "panel"), nil
}

// WantDebug reports whether --debug or PANEL_DEBUG asks for the debug log; it reads no file, so a command can
// ask before the configuration is loaded.
func (o Overrides) WantDebug() bool { return o.Debug || truthy(os.Getenv("PANEL_DEBUG")) }

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}
