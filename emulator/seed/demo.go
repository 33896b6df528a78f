package seed

import "fmt"

// Names of the built-in demo seed that tests in other packages rely on.
const (
	DemoClientID           = "client_panel_demo"
	DemoDiscourseSSOSecret = "discourse-demo-secret"
	DemoCannyPrivateKey    = "canny-demo-private-key"
)

// Demo returns a fresh copy of the built-in demo seed: alice (first user) in acme, globex and the deactivated
// initech, with an invitation from umbrella; bob in acme and umbrella; carol with no membership. Every
// project runs a few apps and services in realistic states (acme's default project has two services named
// web, in two apps).
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
					{Name: "default", Description: "Default project", Apps: []App{
						{Name: "storefront", Services: []Service{
							svc("web", "WEB", "HEALTHY", 2, "fra", "was"), svc("worker", "WORKER", "HEALTHY", 1, "fra")}},
						{Name: "payments", Services: []Service{svc("web", "WEB", "DEGRADED", 2, "fra", "sin")}},
					}},
					{Name: "web", Description: "Websites and frontends", Apps: []App{
						{Name: "marketing", Services: []Service{
							svc("site", "WEB", "HEALTHY", 1, "was"), svc("preview", "WEB", "PAUSED", 0)}},
					}},
					{Name: "data", Description: "Databases and pipelines", Apps: []App{
						{Name: "warehouse", Services: []Service{svc("postgres", "DATABASE", "HEALTHY", 1, "fra"),
							svc("etl", "WORKER", "STARTING", 1, "fra"), svc("scheduler", "WORKER", "HEALTHY", 1, "fra")}},
						{Name: "analytics", Services: []Service{svc("dashboard", "WEB", "UNHEALTHY", 1, "was")}},
					}},
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
					{Name: "default", Description: "Default project", Apps: []App{
						{Name: "hello", Services: []Service{svc("web", "WEB", "HEALTHY", 1, "fra")}},
					}},
					{Name: "api", Description: "Public API", Apps: []App{
						{Name: "public-api", Services: []Service{svc("gateway", "WEB", "HEALTHY", 3, "fra", "was", "sin"),
							svc("auth", "WEB", "HEALTHY", 2, "fra", "was"), svc("billing", "WEB", "DEGRADED", 2, "fra")}},
						{Name: "jobs", Services: []Service{svc("mailer", "WORKER", "HEALTHY", 1, "fra"),
							svc("cron", "WORKER", "PAUSED", 0)}},
					}},
				},
				Members: []Member{{Email: "alice@example.com", Role: "owner"}},
			},
			{
				Name: "initech", ExternalID: "org_initech", Status: "DEACTIVATED", Plan: "hobby", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", Apps: []App{
						{Name: "intranet", Services: []Service{svc("portal", "WEB", "PAUSED", 0)}},
					}},
					{Name: "legacy", Description: "TPS reports", Apps: []App{
						{Name: "tps", Services: []Service{svc("reports", "WORKER", "PAUSED", 0),
							svc("db", "DATABASE", "PAUSED", 0)}},
					}},
				},
				Members: []Member{{Email: "alice@example.com", Role: "owner"}},
			},
			{
				Name: "umbrella", ExternalID: "org_umbrella", Status: "ACTIVE", Plan: "business", DefaultProject: "default",
				Projects: []Project{
					{Name: "default", Description: "Default project", Apps: []App{
						{Name: "site", Services: []Service{svc("web", "WEB", "HEALTHY", 2, "fra", "was"),
							svc("cdn-purger", "WORKER", "HEALTHY", 1, "fra")}},
					}},
					{Name: "labs", Description: "Research labs", Apps: []App{
						{Name: "labs", Services: []Service{svc("notebook", "WEB", "HEALTHY", 1, "fra"),
							svc("gpu-runner", "WORKER", "STARTING", 1, "fra"), svc("queue", "WORKER", "HEALTHY", 1, "fra"),
							svc("vector-db", "DATABASE", "HEALTHY", 1, "fra"), svc("api", "WEB", "RESUMING", 1, "was"),
							svc("sandbox", "SANDBOX", "HEALTHY", 1, "fra")}},
					}},
					{Name: "research", Description: "Experiments", Apps: []App{
						{Name: "research", Services: []Service{svc("tracker", "WEB", "UNHEALTHY", 1, "sin")}},
					}},
				},
				Members: []Member{{Email: "bob@example.com", Role: "owner"}},
				Invitations: []Invitation{
					{Email: "alice@example.com", Role: "member", Status: "PENDING", Inviter: "bob@example.com"},
				},
			},
		},
	}
}

// svc is a demo service: its type, status, how many instances run and where.
func svc(name, kind, status string, instances int, regions ...string) Service {
	return Service{Name: name, Type: kind, Status: status, Instances: &instances, Regions: regions}
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
