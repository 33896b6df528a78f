package main

import (
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// A session without an organization reads the same whether the API answers the check with 404 or with
// another client error (400 here): status says so and exits 0 (B23).
func TestStatusWithoutOrganizationWhateverTheClientError(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "carol@example.com")
	want, errOut, code := c.panel("", "status")
	if code != 0 {
		t.Fatalf("status exited %d: %s", code, errOut)
	}
	c.fault(jsonFault("GET", "/v1/account/organization", 400,
		`{"status":400,"code":"invalid_argument","message":"organization_id is not set"}`, 0))
	got, errOut, code := c.panel("", "status")
	if code != 0 || got != want {
		t.Fatalf("status with a 400 exited %d:\n%s%s\nwant:\n%s", code, got, errOut, want)
	}
}
