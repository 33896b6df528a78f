package app

import (
	"fmt"

	"github.com/panel-dev/panel/api"
)

// The rules themselves live in api (validate.go), shared with the TUI's
// inputs; app keeps the names the commands use.

// MaxOrganizationName is B20's length limit.
const MaxOrganizationName = api.MaxOrganizationName

// ValidateOrganizationName checks B20's rules before anything is sent and
// says which one is broken (api.ValidateOrganizationName).
func ValidateOrganizationName(name string) error { return api.ValidateOrganizationName(name) }

// EmailError is one invitation address that cannot be sent.
type EmailError struct {
	Input  string
	Reason string
}

func (e EmailError) Error() string { return fmt.Sprintf("%q: %s", e.Input, e.Reason) }

// NormalizeEmails trims and lower-cases invitation addresses, drops blanks
// and duplicates, and sets apart the invalid ones (B18, api.NormalizeEmail),
// keeping the order.
func NormalizeEmails(inputs []string) (valid []string, invalid []EmailError) {
	seen := map[string]bool{}
	for _, in := range inputs {
		e, err := api.NormalizeEmail(in)
		if e == "" || seen[e] {
			continue
		}
		seen[e] = true
		if err != nil {
			invalid = append(invalid, EmailError{Input: in, Reason: err.Error()})
			continue
		}
		valid = append(valid, e)
	}
	return valid, invalid
}
