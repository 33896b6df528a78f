package seed

import "fmt"

// Names of the built-in demo seed that tests in other packages rely on.
const (
	DemoClientID           = "client_panel_demo"
	DemoDiscourseSSOSecret = "discourse-demo-secret"
	DemoCannyPrivateKey    = "canny-demo-private-key"
)

// Demo returns a fresh copy of the built-in demo seed: alice (first user) in acme, globex and the deactivated
// initech, with an invitation from umbrella; bob in acme and umbrella; carol with no membership.
func Demo() *Seed {
	return &Seed{
		ClientID:           DemoClientID,
		DiscourseSSOSecret: DemoDiscourseSSOSecret,
		CannyPrivateKey:    DemoCannyPrivateKey,
		Users: []User{
			{Email: "alice@example.com", Password: "alice-password", FirstName: "Alice", LastName: "Anders"},
			{Email: "bob@example.com", Password: "bob-password", FirstName: "Bob", LastName: "Brown"},
			{Email: "carol@example.com", Password: "carol-password", FirstName: "Carol", LastName: "Clark"},
		},
		Organizations: []Organization{
			{
				Name: "acme", ExternalID: "org_acme", Status: "ACTIVE", Plan: "startup", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", ServiceCount: 3},
					{Name: "web", Description: "Websites and frontends", ServiceCount: 2},
					{Name: "data", Description: "Databases and pipelines", ServiceCount: 4},
				},
				Members: []Member{{Email: "alice@example.com", Role: "owner"}, {Email: "bob@example.com", Role: "member"}},
				Invitations: []Invitation{
					{Email: "dave@example.com", Role: "member", Status: "PENDING", Inviter: "alice@example.com"},
					{Email: "erin@example.com", Role: "member", Status: "EXPIRED", Inviter: "alice@example.com"},
				},
			},
			{
				Name: "globex", ExternalID: "org_globex", Status: "ACTIVE", Plan: "pro", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", ServiceCount: 1},
					{Name: "api", Description: "Public API", ServiceCount: 5},
				},
				Members: []Member{{Email: "alice@example.com", Role: "owner"}},
			},
			{
				Name: "initech", ExternalID: "org_initech", Status: "DEACTIVATED", Plan: "hobby", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", ServiceCount: 1},
					{Name: "legacy", Description: "TPS reports", ServiceCount: 2},
				},
				Members: []Member{{Email: "alice@example.com", Role: "owner"}},
			},
			{
				Name: "umbrella", ExternalID: "org_umbrella", Status: "ACTIVE", Plan: "business", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", ServiceCount: 2},
					{Name: "labs", Description: "Research labs", ServiceCount: 6},
					{Name: "research", Description: "Experiments", ServiceCount: 1},
				},
				Members: []Member{{Email: "bob@example.com", Role: "owner"}},
				Invitations: []Invitation{
					{Email: "alice@example.com", Role: "member", Status: "PENDING", Inviter: "bob@example.com"},
				},
			},
		},
	}
}

// Generate returns the demo seed plus n generated active organizations (bench-00001 … with external ids
// org_bench_00001 …), each owned by alice with a default project, for benchmarks of large accounts.
func Generate(n int) *Seed {
	s := Demo()
	for i := 1; i <= n; i++ {
		s.Organizations = append(s.Organizations, Organization{
			Name:           fmt.Sprintf("bench-%05d", i),
			ExternalID:     fmt.Sprintf("org_bench_%05d", i),
			Status:         "ACTIVE",
			Plan:           "hobby",
			DefaultProject: "default",
			Projects:       []Project{{Name: "default", Description: "Default project", ServiceCount: 1}},
			Members:        []Member{{Email: "alice@example.com", Role: "owner"}},
		})
	}
	return s
}
