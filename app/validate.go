package app

import (
	"fmt"

	"github.com/panel-dev/panel/api"
)

// The address rule itself lives in api (NormalizeEmail), shared with the TUI's
// inputs; so does B20's organization-name rule (api.ValidateOrganizationName).

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

// MaxOrganizationName is the longest organization name (B20).
const MaxOrganizationName = api.MaxOrganizationName

// CheckOrganizationName says what is wrong with an organization name (B20),
// nil when it is fine.
func CheckOrganizationName(name string) error { return api.ValidateOrganizationName(name) }
