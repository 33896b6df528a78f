package app

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// MaxOrganizationName is B20's length limit.
const MaxOrganizationName = 39

// ValidateOrganizationName checks B20's rules before anything is sent and
// says which one is broken: 1–39 characters; lowercase letters, digits and
// '-'; starting and ending with a letter or digit; no "--".
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

// EmailError is one invitation address that cannot be sent.
type EmailError struct {
	Input  string
	Reason string
}

func (e EmailError) Error() string { return fmt.Sprintf("%q: %s", e.Input, e.Reason) }

// NormalizeEmails trims and lower-cases invitation addresses, drops blanks
// and duplicates, and sets apart the invalid ones (B18), keeping the order.
func NormalizeEmails(inputs []string) (valid []string, invalid []EmailError) {
	seen := map[string]bool{}
	for _, in := range inputs {
		e := strings.ToLower(strings.TrimSpace(in))
		if e == "" || seen[e] {
			continue
		}
		seen[e] = true
		if reason := emailProblem(e); reason != "" {
			invalid = append(invalid, EmailError{Input: in, Reason: reason})
			continue
		}
		valid = append(valid, e)
	}
	return valid, invalid
}

func emailProblem(e string) string {
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e || addr.Name != "" {
		return "not an email address"
	}
	local, domain, _ := strings.Cut(e, "@")
	if local == "" || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return "not an email address (name@domain.tld)"
	}
	return ""
}
