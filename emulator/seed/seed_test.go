package seed_test

import (
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/panel-dev/panel/emulator/seed"
)

func TestDemoRoundTripsThroughYAMLAndJSON(t *testing.T) {
	y, err := yaml.Marshal(seed.Demo())
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := seed.Parse(y, false)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(seed.Demo())
	fromJSON, err := seed.Parse(j, true)
	if err != nil {
		t.Fatal(err)
	}
	if fromYAML.Organizations[0].Projects[2].Name != "data" || fromJSON.Users[1].Password != "bob-password" {
		t.Fatal("seed lost data in a round trip")
	}
}

func TestValidateRejectsUnknownMember(t *testing.T) {
	_, err := seed.Parse([]byte(`
users: [{email: a@x.io, password: p}]
organizations: [{name: x, external_id: org_x, members: [{email: nobody@x.io}]}]
`), false)
	if err == nil {
		t.Fatal("want error")
	}
}
