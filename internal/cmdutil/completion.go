package cmdutil

import (
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/complete"
)

// Completion is where shell completion reads names: the profile's store alone, in this process's
// organization (--organization-id) or the one last known to be current. Nothing here builds the app: no
// client id, keychain or network is needed to press Tab.
func (f *Factory) Completion() complete.Source {
	return complete.Source{
		Store: f.Store,
		Organization: func() string {
			cfg, err := f.Config()
			if err != nil {
				return ""
			}
			st, err := f.Store()
			if err != nil {
				return ""
			}
			org, _ := app.OrganizationOverride(st, cfg.OrganizationID)
			return org
		},
	}
}
