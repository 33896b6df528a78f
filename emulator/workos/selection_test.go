package workos_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

type selectionRequired struct {
	Code                       string `json:"code"`
	Message                    string `json:"message"`
	PendingAuthenticationToken string `json:"pending_authentication_token"`
	Organizations              []struct{ ID, Name string }
	User                       struct{ Email string }
}

func selectOrganization(c *emutest.Client, pending, orgID string) *emutest.Response {
	return c.PostJSON("/user_management/authenticate", map[string]string{"client_id": c.Srv.ClientID,
		"grant_type":                   "urn:workos:oauth:grant-type:organization-selection",
		"pending_authentication_token": pending, "organization_id": orgID})
}

func TestOrganizationSelectionRequired(t *testing.T) {
	c := client(t, emulator.Options{OrganizationSelectionRequired: true})
	cd, verifier := code(c, nil)
	resp := c.Exchange(cd, verifier)
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("want 403, got %d %s", resp.StatusCode, resp.Body)
	}
	sel := emutest.Decode[selectionRequired](t, resp.Body)
	if sel.Code != "organization_selection_required" || sel.Message == "" || sel.PendingAuthenticationToken == "" ||
		len(sel.Organizations) != 3 || sel.Organizations[0].ID != "org_acme" || sel.Organizations[0].Name != "acme" ||
		sel.User.Email != "alice@example.com" {
		t.Fatalf("403 body = %s", resp.Body)
	}

	// Choosing an organization the user is not in: {code, message}, and the token survives for a retry.
	resp = selectOrganization(c, sel.PendingAuthenticationToken, "org_umbrella")
	if e := emutest.Decode[struct{ Code string }](t, resp.Body); resp.StatusCode != http.StatusBadRequest ||
		e.Code != "organization_membership_not_found" {
		t.Fatalf("non-member choice: %d %s", resp.StatusCode, resp.Body)
	}
	resp = selectOrganization(c, sel.PendingAuthenticationToken, "org_globex")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("selection grant: %d %s", resp.StatusCode, resp.Body)
	}
	if tok := emutest.Decode[emutest.Tokens](t, resp.Body); tok.OrganizationID != "org_globex" ||
		c.Claims(tok.AccessToken)["org_id"] != "org_globex" {
		t.Fatalf("selected into %q", tok.OrganizationID)
	}
	resp = selectOrganization(c, sel.PendingAuthenticationToken, "org_globex")
	if e := emutest.Decode[struct{ Code string }](t, resp.Body); resp.StatusCode != http.StatusBadRequest ||
		e.Code != "invalid_pending_authentication_token" {
		t.Fatalf("reused pending token: %d %s", resp.StatusCode, resp.Body)
	}
}

func TestOrganizationSelectionSkipsSingleOrNoMembershipAndExplicitOrganization(t *testing.T) {
	c := client(t, emulator.Options{OrganizationSelectionRequired: true})
	if tok := c.SignIn(map[string]string{"login_hint": "carol@example.com"}); tok.OrganizationID != "" {
		t.Fatalf("carol landed in %q", tok.OrganizationID)
	}
	if tok := c.SignIn(map[string]string{"organization_id": "org_initech"}); tok.OrganizationID != "org_initech" {
		t.Fatalf("explicit organization: %q", tok.OrganizationID)
	}
}

// With WorkOS's rule on, the organization-selection grant needs client_secret: a public client is refused
// (its pending token survives), a client with a secret is not.
func TestOrganizationSelectionGrantNeedsASecret(t *testing.T) {
	c := client(t, emulator.Options{OrganizationSelectionRequired: true, SelectionGrantNeedsSecret: true})
	cd, verifier := code(c, nil)
	sel := emutest.Decode[selectionRequired](t, c.Exchange(cd, verifier).Body)
	resp := selectOrganization(c, sel.PendingAuthenticationToken, "org_globex")
	body := emutest.Decode[map[string]string](t, resp.Body)
	if resp.StatusCode != http.StatusBadRequest || len(body) != 1 || !strings.Contains(body["message"], "client_secret") {
		t.Fatalf("keyless selection grant: %d %s, want 400 with only a message", resp.StatusCode, resp.Body)
	}
	resp = c.PostJSON("/user_management/authenticate", map[string]string{"client_id": c.Srv.ClientID,
		"client_secret": "sk_test", "grant_type": "urn:workos:oauth:grant-type:organization-selection",
		"pending_authentication_token": sel.PendingAuthenticationToken, "organization_id": "org_globex"})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("with a secret: %d %s", resp.StatusCode, resp.Body)
	}
}
