package workos_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

var hiddenField = regexp.MustCompile(`name="(q|pending_authentication_token)" value="([^"]*)"`)

// hidden reads a hosted form's hidden fields (html/template escapes & as &amp;).
func hidden(t *testing.T, body []byte) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range hiddenField.FindAllStringSubmatch(string(body), -1) {
		v.Set(m[1], strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`).Replace(m[2]))
	}
	if v.Get("q") == "" {
		t.Fatalf("no form in %s", body)
	}
	return v
}

func exchange(c *emutest.Client, resp *emutest.Response, verifier string) emutest.Tokens {
	c.T.Helper()
	q := c.Redirected(resp)
	if q.Get("state") != "st-123" {
		c.T.Fatalf("state lost: %v", q)
	}
	r := c.Exchange(q.Get("code"), verifier)
	if r.StatusCode != http.StatusOK {
		c.T.Fatalf("exchange: %d %s", r.StatusCode, r.Body)
	}
	return emutest.Decode[emutest.Tokens](c.T, r.Body)
}

func TestHostedSignInWithOrganizationPicker(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true})
	verifier, challenge := emutest.PKCE()
	page := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, map[string]string{"login_hint": "alice@example.com"}))
	if page.StatusCode != http.StatusOK || !strings.Contains(string(page.Body), `value="alice@example.com"`) {
		t.Fatalf("sign-in page: %d %s", page.StatusCode, page.Body)
	}
	form := hidden(t, page.Body)
	form.Set("email", "alice@example.com")
	form.Set("password", "wrong")
	if resp := c.PostForm("/user_management/authorize/sign-in", form); resp.StatusCode != http.StatusUnauthorized ||
		!strings.Contains(string(resp.Body), "Incorrect email or password") {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	form.Set("password", "alice-password")
	picker := c.PostForm("/user_management/authorize/sign-in", form)
	for _, org := range []string{"acme", "globex", "initech"} {
		if !strings.Contains(string(picker.Body), ">"+org+"</button>") {
			t.Fatalf("picker lacks %s: %s", org, picker.Body)
		}
	}
	choice := hidden(t, picker.Body)
	choice.Set("organization_id", "org_umbrella")
	if resp := c.PostForm("/user_management/authorize/organization", choice); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("non-member choice: %d", resp.StatusCode)
	}
	choice.Set("organization_id", "org_globex")
	tok := exchange(c, c.PostForm("/user_management/authorize/organization", choice), verifier)
	if tok.User["email"] != "alice@example.com" || tok.OrganizationID != "org_globex" {
		t.Fatalf("hosted sign-in: %v in %q", tok.User["email"], tok.OrganizationID)
	}
}

func TestHostedSignInWithOrganizationIDSkipsThePicker(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true})
	verifier, challenge := emutest.PKCE()
	form := hidden(t, c.Get("/user_management/authorize", c.AuthorizeQuery(challenge,
		map[string]string{"organization_id": "org_initech"})).Body)
	form.Set("email", "alice@example.com")
	form.Set("password", "alice-password")
	if tok := exchange(c, c.PostForm("/user_management/authorize/sign-in", form), verifier); tok.OrganizationID != "org_initech" {
		t.Fatalf("landed in %q", tok.OrganizationID)
	}
}

func TestHostedSignUp(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true})
	verifier, challenge := emutest.PKCE()
	page := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, map[string]string{"screen_hint": "sign-up"}))
	if !strings.Contains(string(page.Body), "Create account") {
		t.Fatalf("sign-up page: %s", page.Body)
	}
	form := hidden(t, page.Body)
	form.Set("email", "bob@example.com")
	form.Set("password", "secret-123")
	if resp := c.PostForm("/user_management/authorize/sign-up", form); resp.StatusCode != http.StatusConflict {
		t.Fatalf("taken email: %d", resp.StatusCode)
	}
	form.Set("email", "zoe@example.com")
	form.Set("first_name", "Zoe")
	tok := exchange(c, c.PostForm("/user_management/authorize/sign-up", form), verifier)
	if tok.User["email"] != "zoe@example.com" || tok.User["first_name"] != "Zoe" || tok.OrganizationID != "" {
		t.Fatalf("signed up: %v", tok.User)
	}
	if _, err := c.Srv.State().CheckPassword("zoe@example.com", "secret-123"); err != nil {
		t.Fatal("the new user cannot sign in with the chosen password")
	}
}

func TestHostedFormWithTamperedRequestIsRefused(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true})
	form := url.Values{"q": {"client_id=client_panel_demo&redirect_uri=http://evil.example/cb"},
		"email": {"alice@example.com"}, "password": {"alice-password"}}
	if resp := c.PostForm("/user_management/authorize/sign-in", form); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("tampered redirect: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// Like AuthKit, a browser that signed in on the hosted page is signed in again at once; prompt=login (or
// another user's login_hint) asks again.
func TestHostedSignInIsRememberedUnlessPromptLogin(t *testing.T) {
	c := client(t, emulator.Options{Interactive: true})
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c.HTTP.Jar = jar
	verifier, challenge := emutest.PKCE()
	form := hidden(t, c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, nil)).Body)
	form.Set("email", "carol@example.com")
	form.Set("password", "carol-password")
	if tok := exchange(c, c.PostForm("/user_management/authorize/sign-in", form), verifier); tok.User["email"] != "carol@example.com" {
		t.Fatalf("signed in %v", tok.User["email"])
	}

	verifier, challenge = emutest.PKCE()
	again := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, nil))
	if tok := exchange(c, again, verifier); tok.User["email"] != "carol@example.com" {
		t.Fatalf("the browser's session signed in %v", tok.User["email"])
	}
	for _, extra := range []map[string]string{{"prompt": "login"}, {"login_hint": "alice@example.com"}} {
		_, challenge = emutest.PKCE()
		page := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, extra))
		if page.StatusCode != http.StatusOK || !strings.Contains(string(page.Body), `name="password"`) {
			t.Fatalf("%v: %d, want the sign-in page", extra, page.StatusCode)
		}
	}
}
