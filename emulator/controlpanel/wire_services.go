package controlpanel

import (
	"strconv"

	"github.com/panel-dev/panel/emulator/state"
)

// Enums at their zero value (STARTING, INVALID_TYPE, ALLOCATING) are
// omitted, as grpc-gateway writes them.

type appJSON struct {
	ID             string       `json:"id,omitempty"`
	Name           string       `json:"name,omitempty"`
	OrganizationID string       `json:"organization_id,omitempty"`
	UpdatedAt      string       `json:"updated_at,omitempty"`
	CreatedAt      string       `json:"created_at,omitempty"`
	Domains        []domainJSON `json:"domains,omitempty"`
	Status         string       `json:"status,omitempty"`
}

type domainJSON struct {
	ID             string `json:"id,omitempty"`
	OrganizationID string `json:"organization_id,omitempty"`
	Name           string `json:"name,omitempty"`
	Status         string `json:"status,omitempty"`
	AppID          string `json:"app_id,omitempty"`
	ProjectID      string `json:"project_id,omitempty"`
	CreatedAt      string `json:"created_at,omitempty"`
}

type serviceJSON struct {
	ID                 string `json:"id,omitempty"`
	Name               string `json:"name,omitempty"`
	Type               string `json:"type,omitempty"`
	OrganizationID     string `json:"organization_id,omitempty"`
	AppID              string `json:"app_id,omitempty"`
	UpdatedAt          string `json:"updated_at,omitempty"`
	CreatedAt          string `json:"created_at,omitempty"`
	StartedAt          string `json:"started_at,omitempty"` // GetService only
	Status             string `json:"status,omitempty"`
	Version            string `json:"version,omitempty"` // a uint64, written as a string
	ActiveDeploymentID string `json:"active_deployment_id,omitempty"`
	LatestDeploymentID string `json:"latest_deployment_id,omitempty"`
}

type instanceJSON struct {
	ID                   string `json:"id,omitempty"`
	CreatedAt            string `json:"created_at,omitempty"`
	UpdatedAt            string `json:"updated_at,omitempty"`
	OrganizationID       string `json:"organization_id,omitempty"`
	AppID                string `json:"app_id,omitempty"`
	ServiceID            string `json:"service_id,omitempty"`
	RegionalDeploymentID string `json:"regional_deployment_id,omitempty"`
	AllocationID         string `json:"allocation_id,omitempty"`
	Type                 string `json:"type,omitempty"`
	ReplicaIndex         int64  `json:"replica_index,omitempty"`
	Region               string `json:"region,omitempty"`
	Datacenter           string `json:"datacenter,omitempty"`
	Status               string `json:"status,omitempty"`
}

func omitZero(value, zero string) string {
	if value == zero {
		return ""
	}
	return value
}

func toApp(a state.App, orgName string) *appJSON {
	// Every app gets its automatic <app>-<organization>.koyeb.app domain.
	domain := domainJSON{ID: state.UUID("domain:" + a.ID), OrganizationID: a.OrganizationID,
		Name: a.Name + "-" + orgName + ".koyeb.app", Status: "ACTIVE", AppID: a.ID, ProjectID: a.ProjectID,
		CreatedAt: timestamp(a.CreatedAt)}
	return &appJSON{ID: a.ID, Name: a.Name, OrganizationID: a.OrganizationID, UpdatedAt: timestamp(a.UpdatedAt),
		CreatedAt: timestamp(a.CreatedAt), Domains: []domainJSON{domain}, Status: omitZero(a.Status, "STARTING")}
}

func toService(sv state.Service, detail bool) *serviceJSON {
	out := &serviceJSON{ID: sv.ID, Name: sv.Name, Type: omitZero(sv.Type, "INVALID_TYPE"),
		OrganizationID: sv.OrganizationID, AppID: sv.AppID, UpdatedAt: timestamp(sv.UpdatedAt),
		CreatedAt: timestamp(sv.CreatedAt), Status: omitZero(sv.Status, "STARTING"),
		Version: strconv.Itoa(2), ActiveDeploymentID: sv.ActiveDeploymentID, LatestDeploymentID: sv.LatestDeploymentID}
	if detail {
		out.StartedAt = timestamp(sv.CreatedAt)
	}
	return out
}

func toInstance(in state.Instance) *instanceJSON {
	return &instanceJSON{ID: in.ID, CreatedAt: timestamp(in.CreatedAt), UpdatedAt: timestamp(in.UpdatedAt),
		OrganizationID: in.OrganizationID, AppID: in.AppID, ServiceID: in.ServiceID,
		RegionalDeploymentID: in.RegionalDeploymentID, AllocationID: in.AllocationID, Type: "runtime",
		ReplicaIndex: int64(in.ReplicaIndex), Region: in.Region, Datacenter: in.Datacenter,
		Status: omitZero(in.Status, "ALLOCATING")}
}
