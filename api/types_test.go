package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
)

// The API omits zero-valued enums and any field; service_count is a string.
func TestDecodingQuirks(t *testing.T) {
	var o api.Organization
	if err := json.Unmarshal([]byte(`{"id":"o1","name":"acme"}`), &o); err != nil {
		t.Fatal(err)
	}
	if o.Status != api.OrganizationWarning || o.Plan != "hobby" {
		t.Errorf("omitted enums: status=%q plan=%q, want WARNING and hobby", o.Status, o.Plan)
	}
	var inv api.OrganizationInvitation
	if err := json.Unmarshal([]byte(`{"id":"i1","organization":{"name":"acme"}}`), &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Status != api.InvitationInvalid || inv.Role != api.RoleInvalid || inv.Organization.Status != api.OrganizationWarning {
		t.Errorf("invitation enums: %+v", inv)
	}
	var m api.OrganizationMember
	if err := json.Unmarshal([]byte(`{}`), &m); err != nil || m.Status != api.MemberInvalid {
		t.Errorf("member: %+v %v", m, err)
	}
	for in, want := range map[string]api.Int64{`"7"`: 7, `7`: 7, `""`: 0, `null`: 0} {
		var p api.Project
		if err := json.Unmarshal([]byte(`{"service_count":`+in+`,"created_at":""}`), &p); err != nil || p.ServiceCount != want {
			t.Errorf("service_count %s: %v %v", in, p.ServiceCount, err)
		}
	}
	out, _ := json.Marshal(api.Project{ID: "p", ServiceCount: 3})
	if string(out) != `{"id":"p","service_count":"3"}` {
		t.Errorf("encoded project = %s (service_count stays a string, zero times omitted)", out)
	}
	var p api.Project
	if err := json.Unmarshal([]byte(`{"service_count":"many"}`), &p); err == nil {
		t.Error("a non-number service_count decoded")
	}
}

func TestErrorMessages(t *testing.T) {
	e := &api.Error{Status: 429, Method: "GET", Path: "/v1/projects"}
	if !strings.Contains(e.Error(), "rate limited") {
		t.Errorf("429 message: %s", e)
	}
	e = &api.Error{Status: 400, Message: "Invalid argument", Fields: []api.FieldError{{Field: "name", Description: "is taken"}}}
	if got := e.Error(); !strings.Contains(got, "name: is taken") {
		t.Errorf("400 message: %s", got)
	}
}
