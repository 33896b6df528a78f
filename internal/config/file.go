package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"gopkg.in/yaml.v3"
)

// FileName is the config file below Dir.
const FileName = "config.yaml"

// File is the on-disk configuration. Example:
//
//	default_profile: default
//	profiles:
//	  default:
//	    client_id: client_01H...
//	    auth_url: https://api.workos.com
//	    api_url: https://app.koyeb.com
//	    callback_port: 8765     # the port of the redirect URI registered in WorkOS
//	    organizations:      # the TUI's header: a colour and a label per organization (id or name)
//	      org_2f9x…: {color: red, label: prod}
//	  staging:
//	    client_id: client_01J...
//	    api_url: https://staging.example.com
type File struct {
	DefaultProfile string             `yaml:"default_profile,omitempty"`
	Profiles       map[string]Profile `yaml:"profiles,omitempty"`
	// Organizations are the organizations' colours and labels in the TUI, for every profile.
	Organizations map[string]Organization `yaml:"organizations,omitempty"`
}

// Profile is one named set of endpoints and settings.
type Profile struct {
	ClientID        string `yaml:"client_id,omitempty"`
	AuthURL         string `yaml:"auth_url,omitempty"`
	APIURL          string `yaml:"api_url,omitempty"`
	InsecureStorage bool   `yaml:"insecure_storage,omitempty"`
	// CallbackPort fixes the loopback port of browser sign-ins: the port of the redirect URI registered in
	// WorkOS (http://127.0.0.1:<port>/callback).
	CallbackPort int `yaml:"callback_port,omitempty"`
	// Organizations are this profile's organizations' colours and labels (over the top-level ones).
	Organizations map[string]Organization `yaml:"organizations,omitempty"`
}

// readFile loads the config file; a missing file is an empty configuration. It also returns a warning
// for each key it does not know.
func readFile(path string) (File, []string, error) {
	var f File
	b, err := os.ReadFile(path) //nolint:gosec // G304: the config file the user chose (PANEL_CONFIG_DIR or the default)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil, nil
	}
	if err != nil {
		return f, nil, fmt.Errorf("read config file: %w", err)
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return f, nil, fmt.Errorf("config file %s is not valid YAML: %w", path, err)
	}
	var warnings []string
	for _, key := range unknownKeys(b) {
		warnings = append(warnings, unknownKeyWarning(path, key))
	}
	return f, warnings, nil
}
