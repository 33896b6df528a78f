package api

import "encoding/json"

// Apps group services; services run instances (B30). As everywhere in the
// API, every field is optional and omitted enums read as the spec's default.

// App is an application of the current organization (AppListItem).
type App struct {
	ID             string    `json:"id,omitempty"`
	Name           string    `json:"name,omitempty"`
	OrganizationID string    `json:"organization_id,omitempty"`
	UpdatedAt      Time      `json:"updated_at,omitzero"`
	CreatedAt      Time      `json:"created_at,omitzero"`
	Domains        []Domain  `json:"domains,omitempty"`
	Status         AppStatus `json:"status,omitempty"`
	Messages       []string  `json:"messages,omitempty"`
}

// UnmarshalJSON applies the spec's enum default to an omitted status.
func (a *App) UnmarshalJSON(b []byte) error {
	type plain App
	p := plain{Status: AppStarting}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*a = App(p)
	return nil
}

// AppStatus is App.Status; ServiceStatus has the same values.
type AppStatus string

// App statuses; the first is the zero value the API omits.
const (
	AppStarting  AppStatus = "STARTING"
	AppHealthy   AppStatus = "HEALTHY"
	AppDegraded  AppStatus = "DEGRADED"
	AppUnhealthy AppStatus = "UNHEALTHY"
	AppDeleting  AppStatus = "DELETING"
	AppDeleted   AppStatus = "DELETED"
	AppPausing   AppStatus = "PAUSING"
	AppPaused    AppStatus = "PAUSED"
	AppResuming  AppStatus = "RESUMING"
)

// Domain is a domain of an app (the fields panel shows; the rest is ignored).
type Domain struct {
	ID     string `json:"id,omitempty"`
	Name   string `json:"name,omitempty"`
	Status string `json:"status,omitempty"` // PENDING (omitted), ACTIVE, ERROR, DELETING, DELETED
	Type   string `json:"type,omitempty"`   // AUTOASSIGNED (omitted) or CUSTOM
	AppID  string `json:"app_id,omitempty"`
}

// Service is a service as lists and GetService describe it (ServiceListItem;
// GetService's Service adds the timestamps of its life cycle).
type Service struct {
	ID                 string        `json:"id,omitempty"`
	Name               string        `json:"name,omitempty"`
	Type               ServiceType   `json:"type,omitempty"`
	OrganizationID     string        `json:"organization_id,omitempty"`
	AppID              string        `json:"app_id,omitempty"`
	UpdatedAt          Time          `json:"updated_at,omitzero"`
	CreatedAt          Time          `json:"created_at,omitzero"`
	StartedAt          Time          `json:"started_at,omitzero"`
	PausedAt           Time          `json:"paused_at,omitzero"`
	ResumedAt          Time          `json:"resumed_at,omitzero"`
	Status             ServiceStatus `json:"status,omitempty"`
	Messages           []string      `json:"messages,omitempty"`
	Version            string        `json:"version,omitempty"` // a uint64 as a JSON string
	ActiveDeploymentID string        `json:"active_deployment_id,omitempty"`
	LatestDeploymentID string        `json:"latest_deployment_id,omitempty"`
}

// UnmarshalJSON applies the spec's enum defaults to omitted fields.
func (s *Service) UnmarshalJSON(b []byte) error {
	type plain Service
	p := plain{Type: ServiceInvalidType, Status: ServiceStarting}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*s = Service(p)
	return nil
}

// ServiceType is Service.Type.
type ServiceType string

// Service types; the first is the zero value the API omits.
const (
	ServiceInvalidType ServiceType = "INVALID_TYPE"
	ServiceWeb         ServiceType = "WEB"
	ServiceWorker      ServiceType = "WORKER"
	ServiceDatabase    ServiceType = "DATABASE"
	ServiceSandbox     ServiceType = "SANDBOX"
)

// ServiceStatus is Service.Status.
type ServiceStatus string

// Service statuses; the first is the zero value the API omits.
const (
	ServiceStarting  ServiceStatus = "STARTING"
	ServiceHealthy   ServiceStatus = "HEALTHY"
	ServiceDegraded  ServiceStatus = "DEGRADED"
	ServiceUnhealthy ServiceStatus = "UNHEALTHY"
	ServiceDeleting  ServiceStatus = "DELETING"
	ServiceDeleted   ServiceStatus = "DELETED"
	ServicePausing   ServiceStatus = "PAUSING"
	ServicePaused    ServiceStatus = "PAUSED"
	ServiceResuming  ServiceStatus = "RESUMING"
)

// Instance is one running copy of a service (InstanceListItem).
type Instance struct {
	ID                   string         `json:"id,omitempty"`
	CreatedAt            Time           `json:"created_at,omitzero"`
	UpdatedAt            Time           `json:"updated_at,omitzero"`
	OrganizationID       string         `json:"organization_id,omitempty"`
	AppID                string         `json:"app_id,omitempty"`
	ServiceID            string         `json:"service_id,omitempty"`
	RegionalDeploymentID string         `json:"regional_deployment_id,omitempty"`
	AllocationID         string         `json:"allocation_id,omitempty"`
	Type                 string         `json:"type,omitempty"`
	ReplicaIndex         int64          `json:"replica_index,omitempty"`
	Region               string         `json:"region,omitempty"`
	Datacenter           string         `json:"datacenter,omitempty"`
	Status               InstanceStatus `json:"status,omitempty"`
	Messages             []string       `json:"messages,omitempty"`
}

// UnmarshalJSON applies the spec's enum default to an omitted status.
func (i *Instance) UnmarshalJSON(b []byte) error {
	type plain Instance
	p := plain{Status: InstanceAllocating}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*i = Instance(p)
	return nil
}

// InstanceStatus is Instance.Status.
type InstanceStatus string

// Instance statuses; the first is the zero value the API omits.
const (
	InstanceAllocating InstanceStatus = "ALLOCATING"
	InstanceStarting   InstanceStatus = "STARTING"
	InstanceHealthy    InstanceStatus = "HEALTHY"
	InstanceUnhealthy  InstanceStatus = "UNHEALTHY"
	InstanceStopping   InstanceStatus = "STOPPING"
	InstanceStopped    InstanceStatus = "STOPPED"
	InstanceError      InstanceStatus = "ERROR"
	InstanceSleeping   InstanceStatus = "SLEEPING"
)
