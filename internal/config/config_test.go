package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolate gives the test a config dir of its own and clears every variable Load reads, so the
// developer's own configuration never leaks in. It returns the config dir.
func isolate(t *testing.T) string {
	t.Helper()
	for _, k := range []string{"PANEL_PROFILE", "PANEL_CLIENT_ID", "PANEL_AUTH_URL", "PANEL_API_URL",
		"PANEL_ORGANIZATION_ID", "PANEL_TOKEN", "PANEL_INSECURE_STORAGE", "PANEL_DEBUG", "BROWSER", "NO_COLOR"} {
		t.Setenv(k, "")
	}
	dir := t.TempDir()
	t.Setenv("PANEL_CONFIG_DIR", dir)
	return dir
}

func writeConfig(t *testing.T, dir, yaml string) string {
	t.Helper()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func load(t *testing.T, o Overrides) *Config {
	t.Helper()
	c, err := Load(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDefaultsWithoutFileOrEnvironment(t *testing.T) {
	dir := isolate(t)
	c := load(t, Overrides{})
	if c.Dir != dir || c.Profile != DefaultProfile || c.AuthURL != DefaultAuthURL || c.APIURL != DefaultAPIURL ||
		c.ClientID != "" || c.InsecureStorage || c.Debug || c.NoColor || c.Token != "" || len(c.Warnings) != 0 {
		t.Errorf("defaults = %+v", c)
	}
	if c.Source["auth_url"] != "default" || c.Source["profile"] != "default" {
		t.Errorf("sources = %v", c.Source)
	}
	if !errors.Is(c.RequireClientID(), ErrNoClientID) {
		t.Error("RequireClientID without a client id passed")
	}
	if c.ProfileDir() != filepath.Join(dir, "profiles", "default") {
		t.Errorf("ProfileDir = %s", c.ProfileDir())
	}
}

// Flags win over the environment, which wins over the file, which wins over the defaults; Source says
// which one gave each value.
func TestFlagsWinOverEnvironmentWhichWinsOverTheFile(t *testing.T) {
	dir := isolate(t)
	writeConfig(t, dir, `
profiles:
  default:
    client_id: client_file
    auth_url: https://auth.file.example/
    api_url: https://api.file.example
`)
	c := load(t, Overrides{})
	if c.ClientID != "client_file" || c.AuthURL != "https://auth.file.example" || c.APIURL != "https://api.file.example" {
		t.Errorf("from the file: %+v", c)
	}
	if c.Source["client_id"] != "config file" {
		t.Errorf("source = %v", c.Source)
	}

	t.Setenv("PANEL_CLIENT_ID", "client_env")
	t.Setenv("PANEL_API_URL", "https://api.env.example/")
	c = load(t, Overrides{})
	if c.ClientID != "client_env" || c.APIURL != "https://api.env.example" || c.AuthURL != "https://auth.file.example" {
		t.Errorf("environment over file: %+v", c)
	}
	if c.Source["client_id"] != "environment" || c.Source["auth_url"] != "config file" {
		t.Errorf("source = %v", c.Source)
	}

	c = load(t, Overrides{ClientID: "client_flag", AuthURL: "http://127.0.0.1:9/"})
	if c.ClientID != "client_flag" || c.AuthURL != "http://127.0.0.1:9" || c.APIURL != "https://api.env.example" {
		t.Errorf("flag over environment: %+v", c)
	}
	if c.Source["client_id"] != "flag" || c.Source["api_url"] != "environment" {
		t.Errorf("source = %v", c.Source)
	}
}

// Each profile has its own values and directory; the profile comes from --profile, PANEL_PROFILE,
// the file's default_profile, then "default", in that order.
func TestProfiles(t *testing.T) {
	dir := isolate(t)
	writeConfig(t, dir, `
default_profile: staging
profiles:
  default:
    client_id: client_prod
  staging:
    client_id: client_staging
    api_url: https://staging.example.com
    insecure_storage: true
  ci:
    auth_url: https://auth.ci.example
`)
	c := load(t, Overrides{})
	if c.Profile != "staging" || c.ClientID != "client_staging" || c.APIURL != "https://staging.example.com" ||
		!c.InsecureStorage || c.Source["profile"] != "config file" {
		t.Errorf("default_profile: %+v", c)
	}
	if c.ProfileDir() != filepath.Join(dir, "profiles", "staging") {
		t.Errorf("ProfileDir = %s", c.ProfileDir())
	}

	t.Setenv("PANEL_PROFILE", "default")
	c = load(t, Overrides{})
	if c.Profile != "default" || c.ClientID != "client_prod" || c.APIURL != DefaultAPIURL || c.InsecureStorage {
		t.Errorf("PANEL_PROFILE: %+v", c)
	}

	c = load(t, Overrides{Profile: "ci"})
	if c.Profile != "ci" || c.ClientID != "" || c.AuthURL != "https://auth.ci.example" || c.Source["profile"] != "flag" {
		t.Errorf("--profile: %+v", c)
	}

	c = load(t, Overrides{Profile: "new"}) // a profile the file does not name: defaults, its own directory
	if c.ClientID != "" || c.AuthURL != DefaultAuthURL || c.ProfileDir() != filepath.Join(dir, "profiles", "new") {
		t.Errorf("unnamed profile: %+v", c)
	}

	for _, bad := range []string{"../etc", "a/b", ".hidden", "", strings.Repeat("x", 65)} {
		if bad == "" {
			continue // empty means "not given"
		}
		if _, err := Load(Overrides{Profile: bad}); err == nil || !strings.Contains(err.Error(), "invalid profile name") {
			t.Errorf("profile %q: %v", bad, err)
		}
	}
}

func TestSwitchesFromFlagsAndEnvironment(t *testing.T) {
	isolate(t)
	for _, v := range []string{"1", "true", "YES", " on "} {
		t.Setenv("PANEL_INSECURE_STORAGE", v)
		if c := load(t, Overrides{}); !c.InsecureStorage {
			t.Errorf("PANEL_INSECURE_STORAGE=%q not taken", v)
		}
	}
	t.Setenv("PANEL_INSECURE_STORAGE", "0")
	if c := load(t, Overrides{}); c.InsecureStorage {
		t.Error("PANEL_INSECURE_STORAGE=0 taken as true")
	}
	if c := load(t, Overrides{InsecureStorage: true, Debug: true}); !c.InsecureStorage || !c.Debug {
		t.Errorf("flags: %+v", c)
	}
	t.Setenv("PANEL_TOKEN", "tok")
	t.Setenv("BROWSER", "firefox")
	t.Setenv("NO_COLOR", "1")
	t.Setenv("PANEL_ORGANIZATION_ID", "org_env")
	c := load(t, Overrides{})
	if c.Token != "tok" || c.Browser != "firefox" || !c.NoColor || c.OrganizationID != "org_env" {
		t.Errorf("environment: %+v", c)
	}
	if c := load(t, Overrides{OrganizationID: "org_flag"}); c.OrganizationID != "org_flag" {
		t.Errorf("--organization-id: %+v", c)
	}
}

// PANEL_CONFIG_DIR moves everything: the file read, the profile directories; a relative one is made
// absolute. Without it, the user config directory's panel/ is used.
func TestConfigDir(t *testing.T) {
	dir := isolate(t)
	writeConfig(t, dir, "profiles: {default: {client_id: client_here}}\n")
	if c := load(t, Overrides{}); c.ClientID != "client_here" || c.Dir != dir {
		t.Errorf("PANEL_CONFIG_DIR: %+v", c)
	}
	t.Chdir(dir)
	t.Setenv("PANEL_CONFIG_DIR", "rel")
	if c := load(t, Overrides{}); c.Dir != filepath.Join(dir, "rel") || c.ClientID != "" {
		t.Errorf("relative PANEL_CONFIG_DIR: %+v", c)
	}
	t.Setenv("PANEL_CONFIG_DIR", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
	t.Setenv("HOME", dir)
	base, err := os.UserConfigDir()
	if err != nil {
		t.Skip(err)
	}
	if c := load(t, Overrides{}); c.Dir != filepath.Join(base, "panel") {
		t.Errorf("default Dir = %s, want %s", c.Dir, filepath.Join(base, "panel"))
	}
}

func TestCorruptFileIsNamed(t *testing.T) {
	dir := isolate(t)
	path := writeConfig(t, dir, "profiles: [unclosed\n")
	if _, err := Load(Overrides{}); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not valid YAML") {
		t.Errorf("Load = %v", err)
	}
}

// Keys panel does not read are warned about, with the key and the file, and the rest still applies.
func TestUnknownKeysWarnWithTheKeyAndTheFile(t *testing.T) {
	dir := isolate(t)
	path := writeConfig(t, dir, `
default_profile: default
defaultprofile: staging
profiles:
  default:
    client_id: client_ok
    cleint_id: client_typo
    api_url: https://api.example.com
  staging:
    apiurl: https://staging.example.com
colour: never
`)
	c := load(t, Overrides{})
	if c.ClientID != "client_ok" || c.APIURL != "https://api.example.com" {
		t.Errorf("the known keys no longer apply: %+v", c)
	}
	want := []string{"defaultprofile", "profiles.default.cleint_id", "profiles.staging.apiurl", "colour"}
	if len(c.Warnings) != len(want) {
		t.Fatalf("warnings = %q", c.Warnings)
	}
	for i, key := range want {
		w := c.Warnings[i]
		if !strings.Contains(w, `"`+key+`"`) || !strings.Contains(w, path) || !strings.HasPrefix(w, "warning: ") {
			t.Errorf("warning %d = %q, want the key %q and the file", i, w, key)
		}
	}
	writeConfig(t, dir, "default_profile: x\nprofiles:\n  x:\n    client_id: a\n    auth_url: b\n    api_url: c\n    insecure_storage: true\n")
	if c := load(t, Overrides{}); len(c.Warnings) != 0 {
		t.Errorf("known keys warned: %q", c.Warnings)
	}
}
