package api

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// The input rules checked before anything is sent, in one place for the
// commands (through app) and the TUI's inputs (tui/components), so that
// both accept and refuse the same things with the same words.

// MaxOrganizationName is B20's length limit.
const MaxOrganizationName = 39

// ValidateOrganizationName checks B20's rules and says which one is broken:
// 1–39 characters; lowercase letters, digits and '-'; starting and ending
// with a letter or digit; no "--".
func ValidateOrganizationName(name string) error {
	switch {
	case name == "":
		return errors.New("the name cannot be empty")
	case len(name) > MaxOrganizationName:
		return fmt.Errorf("the name is %d characters long; at most %d are allowed", len(name), MaxOrganizationName)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			if r >= 'A' && r <= 'Z' {
				return fmt.Errorf("the name has the uppercase letter %q: use lowercase letters, digits and '-'", r)
			}
			return fmt.Errorf("the name has the character %q: use lowercase letters, digits and '-'", r)
		}
	}
	switch {
	case strings.HasPrefix(name, "-"):
		return errors.New("the name must start with a letter or a digit")
	case strings.HasSuffix(name, "-"):
		return errors.New("the name must end with a letter or a digit")
	case strings.Contains(name, "--"):
		return errors.New(`the name cannot contain "--"`)
	}
	return nil
}

// NormalizeEmail trims and lower-cases an invitation address (B18) and
// checks it: a bare address (no display name, no angle brackets) whose
// domain has a dot. It returns the normalized address, and why it cannot be
// sent when it cannot. A blank input gives "" and no error: nothing to send.
func NormalizeEmail(input string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(input))
	if e == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || a.Name != "" {
		return e, errors.New("not a valid email address")
	}
	domain := e[strings.LastIndexByte(e, '@')+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return e, errors.New("the domain needs a dot, like example.com")
	}
	return e, nil
}
