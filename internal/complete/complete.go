// Package complete is the CLI's dynamic shell completion (bash, zsh, fish, PowerShell through cobra's
// `__complete`): the organizations, projects, services, members and invitations the user last listed, read
// from the profile's local store alone. No network and no keychain: a shell asks on every Tab.
package complete

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/store"
)

// Source is where completion reads names.
type Source struct {
	// Store opens the profile's store (no client id, no session needed).
	Store func() (*store.Store, error)
	// Organization is this process's organization override (--organization-id, PANEL_ORGANIZATION_ID);
	// "" means the organization last known to be current.
	Organization func() string
}

// Args completes a command's first positional argument with names of a kind (store.NamesProjects, …);
// later arguments get nothing, and never file names.
func (s Source) Args(kind string) cobra.CompletionFunc {
	return s.args(func() []store.Name { return s.names(kind) })
}

// EveryArg completes every positional argument with names of a kind not given yet.
func (s Source) EveryArg(kind string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return offer(s.names(kind), toComplete, args), cobra.ShellCompDirectiveNoFileComp
	}
}

// OrganizationArgs completes a first argument with the user's organizations last seen.
func (s Source) OrganizationArgs() cobra.CompletionFunc { return s.args(s.organizations) }

// Organizations completes a flag's value with the user's organizations last seen.
func (s Source) Organizations() cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return offer(s.organizations(), toComplete, nil), cobra.ShellCompDirectiveNoFileComp
	}
}

func (s Source) args(names func() []store.Name) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return offer(names(), toComplete, nil), cobra.ShellCompDirectiveNoFileComp
	}
}

func (s Source) names(kind string) []store.Name {
	st, err := s.Store()
	if err != nil {
		return nil
	}
	org := ""
	if s.Organization != nil {
		org = s.Organization()
	}
	return app.CompletionNames(st, kind, org)
}

func (s Source) organizations() []store.Name {
	st, err := s.Store()
	if err != nil {
		return nil
	}
	k, _ := st.KnownOrganizations()
	names := make([]store.Name, 0, len(k.Organizations))
	for _, o := range k.Organizations {
		names = append(names, store.Name{ID: o.ExternalID, Name: o.Name, Note: o.ExternalID})
	}
	return names
}

// offer is the names that start with what was typed (any case), each once, not among given, with its note as
// the description shells show beside it (sanitized). A name that holds a control is left out: completion
// writes it into the user's command line.
func offer(names []store.Name, toComplete string, given []string) []cobra.Completion {
	seen := map[string]bool{}
	for _, g := range given {
		seen[g] = true
	}
	prefix := strings.ToLower(toComplete)
	var out []cobra.Completion
	for _, n := range names {
		if n.Name == "" || seen[n.Name] || !termsafe.Safe(n.Name) || !strings.HasPrefix(strings.ToLower(n.Name), prefix) {
			continue
		}
		seen[n.Name] = true
		if n.Note == "" {
			out = append(out, n.Name)
			continue
		}
		out = append(out, cobra.CompletionWithDesc(n.Name, termsafe.Line(n.Note)))
	}
	return out
}
