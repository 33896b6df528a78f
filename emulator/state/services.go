package state

import (
	"fmt"
	"sort"
	"time"

	"github.com/panel-dev/panel/emulator/seed"
)

// App groups services of one project.
type App struct {
	ID             string
	OrganizationID string
	ProjectID      string
	Name           string
	Status         string // its services' worst status (HEALTHY with none)
	CreatedAt      time.Time
	UpdatedAt      time.Time
	seq            int64
}

// Service runs inside an app.
type Service struct {
	ID                 string
	OrganizationID     string
	ProjectID          string
	AppID              string
	Name               string
	Type               string
	Status             string
	ActiveDeploymentID string
	LatestDeploymentID string
	LogMessages        []string // what its log lines say (nil: the API half's defaults for its type)
	CreatedAt          time.Time
	UpdatedAt          time.Time
	seq                int64
}

// Instance is one running copy of a service.
type Instance struct {
	ID                   string
	OrganizationID       string
	AppID                string
	ServiceID            string
	RegionalDeploymentID string
	AllocationID         string
	ReplicaIndex         int
	Region               string
	Datacenter           string
	Status               string
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

// Apps returns an organization's apps in creation order.
func (s *State) Apps(orgID string) []App {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []App
	for _, a := range s.apps {
		if a.OrganizationID == orgID {
			out = append(out, *a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// Services returns an organization's services in creation order.
func (s *State) Services(orgID string) []Service {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Service
	for _, sv := range s.services {
		if sv.OrganizationID == orgID {
			out = append(out, copyService(sv))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// Service returns the service with that id, whatever its organization.
func (s *State) Service(id string) (Service, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv, ok := s.services[id]
	if !ok {
		return Service{}, false
	}
	return copyService(sv), true
}

// Instances returns an organization's instances, by service in creation order.
func (s *State) Instances(orgID string) []Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	var services []*Service
	for _, sv := range s.services {
		if sv.OrganizationID == orgID {
			services = append(services, sv)
		}
	}
	sort.Slice(services, func(i, j int) bool { return services[i].seq < services[j].seq })
	var out []Instance
	for _, sv := range services {
		out = append(out, s.instances[sv.ID]...)
	}
	return out
}

func copyService(sv *Service) Service {
	c := *sv
	c.LogMessages = append([]string(nil), sv.LogMessages...)
	return c
}

// statusRank orders service statuses from best to worst, for an app's status.
var statusRank = map[string]int{"HEALTHY": 0, "RESUMING": 1, "STARTING": 2, "PAUSING": 3, "PAUSED": 4,
	"DEGRADED": 5, "UNHEALTHY": 6, "DELETING": 7, "DELETED": 8}

// loadApps adds a seeded project's apps, services and instances; it returns how many services it has.
func (s *State) loadApps(orgID, orgExternalID string, p seed.Project, projectID string, created time.Time) int64 {
	var n int64
	for _, a := range p.Apps {
		aid := a.ID
		if aid == "" {
			aid = UUID("app:" + orgExternalID + ":" + p.Name + ":" + a.Name)
		}
		app := &App{ID: aid, OrganizationID: orgID, ProjectID: projectID, Name: a.Name, Status: "HEALTHY",
			CreatedAt: created, UpdatedAt: created, seq: s.nextSeq()}
		s.apps[aid] = app
		for _, sd := range a.Services {
			sv := s.loadService(app, orgExternalID+":"+p.Name+":"+a.Name, sd, created)
			if statusRank[sv.Status] > statusRank[app.Status] {
				app.Status = sv.Status
			}
			n++
		}
	}
	return n
}

func (s *State) loadService(app *App, key string, sd seed.Service, created time.Time) *Service {
	id := sd.ID
	if id == "" {
		id = UUID("service:" + key + ":" + sd.Name)
	}
	sv := &Service{ID: id, OrganizationID: app.OrganizationID, ProjectID: app.ProjectID, AppID: app.ID,
		Name: sd.Name, Type: sd.Type, Status: sd.Status, ActiveDeploymentID: UUID("deployment:" + id),
		LogMessages: append([]string(nil), sd.LogMessages...), CreatedAt: created,
		UpdatedAt: created.Add(24 * time.Hour), seq: s.nextSeq()}
	if sv.Type == "" {
		sv.Type = "WEB"
	}
	if sv.Status == "" {
		sv.Status = "HEALTHY"
	}
	sv.LatestDeploymentID = sv.ActiveDeploymentID
	s.services[id] = sv
	count := 1
	switch {
	case sd.Instances != nil:
		count = *sd.Instances
	case sv.Status == "PAUSED" || sv.Status == "DELETED" || sv.Status == "DELETING":
		count = 0
	}
	regions := sd.Regions
	if len(regions) == 0 {
		regions = []string{"fra"}
	}
	for i := 0; i < count; i++ {
		region := regions[i%len(regions)]
		iid := UUID(fmt.Sprintf("instance:%s:%d", id, i))
		s.instances[id] = append(s.instances[id], Instance{ID: iid, OrganizationID: sv.OrganizationID,
			AppID: sv.AppID, ServiceID: id, RegionalDeploymentID: UUID("regional-deployment:" + id + ":" + region),
			AllocationID: UUID("allocation:" + iid), ReplicaIndex: i / len(regions), Region: region,
			Datacenter: region + "1", Status: instanceStatus(sv.Status, i), CreatedAt: sv.UpdatedAt,
			UpdatedAt: sv.UpdatedAt})
	}
	return sv
}

// instanceStatus is what the i-th instance of a service in that status is doing.
func instanceStatus(service string, i int) string {
	switch service {
	case "DEGRADED":
		if i == 0 {
			return "HEALTHY"
		}
		return "UNHEALTHY"
	case "UNHEALTHY":
		return "UNHEALTHY"
	case "STARTING", "RESUMING":
		if i == 0 {
			return "STARTING"
		}
		return "ALLOCATING"
	case "PAUSING", "DELETING":
		return "STOPPING"
	case "PAUSED", "DELETED":
		return "STOPPED"
	}
	return "HEALTHY"
}
