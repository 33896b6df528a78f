package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// ssoBrowserVisit is what the recording browser saw.
type ssoBrowserVisit struct {
	Argv     []string   `json:"argv"`
	Cmdlines [][]string `json:"cmdlines"` // of every process on the machine while panel waited
	Status   int        `json:"status"`
	Location string     `json:"location"`
	Again    string     `json:"again"` // the second use: a status or an error
}

// TestSSOBrowserProcess plays a browser for the SSO tests when PANEL_TEST_PROCESS=sso-browser: it records
// its own argv and every process's command line (/proc), follows its one argument once without going on
// to the provider (no network here), tries it a second time, and writes what it saw to
// PANEL_TEST_BROWSER_LOG.
func TestSSOBrowserProcess(t *testing.T) {
	if os.Getenv("PANEL_TEST_PROCESS") != "sso-browser" {
		t.Skip("a helper process for the SSO tests")
	}
	v := ssoBrowserVisit{Argv: os.Args, Cmdlines: cmdlines()}
	link := os.Args[len(os.Args)-1]
	if res, err := noRedirectClient.Get(link); err == nil {
		v.Status, v.Location = res.StatusCode, res.Header.Get("Location")
		_ = res.Body.Close()
	}
	if res, err := noRedirectClient.Get(link); err != nil {
		v.Again = err.Error()
	} else {
		v.Again = res.Status
		_ = res.Body.Close()
	}
	b, _ := json.Marshal(v)
	_ = os.WriteFile(os.Getenv("PANEL_TEST_BROWSER_LOG"), b, 0o600)
	os.Exit(0)
}

var noRedirectClient = &http.Client{Timeout: 10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// cmdlines reads the argv of every process /proc shows.
func cmdlines() [][]string {
	var all [][]string
	files, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) == 0 {
			continue
		}
		all = append(all, strings.Split(strings.TrimRight(string(b), "\x00"), "\x00"))
	}
	return all
}

// runSSOWithRecordingBrowser runs `panel sso …` with the recording browser and returns its visit and
// panel's outputs.
func runSSOWithRecordingBrowser(t *testing.T, e *testEnv, args ...string) (ssoBrowserVisit, string) {
	t.Helper()
	log := filepath.Join(t.TempDir(), "visit.json")
	env := e.environ("BROWSER=env PANEL_TEST_PROCESS=sso-browser "+os.Args[0]+" -test.run=^TestSSOBrowserProcess$",
		"PANEL_TEST_BROWSER_LOG="+log)
	out, errOut, code := e.run(env, "", args...)
	if code != 0 {
		t.Fatalf("panel %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	var v ssoBrowserVisit
	deadline := time.Now().Add(30 * time.Second) // the browser is not waited for: its record comes a little later
	for {
		b, err := os.ReadFile(log)
		if err == nil && json.Unmarshal(b, &v) == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the browser left no record; panel said:\n%s%s", out, errOut)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return v, out + errOut
}

// checkNoArgvHolds fails when a secret is in the browser's argv, in any process's command line while
// panel waited, or in what panel printed; and checks the browser got a one-time loopback link.
func checkNoArgvHolds(t *testing.T, v ssoBrowserVisit, printed string, secrets ...string) {
	t.Helper()
	link, err := url.Parse(v.Argv[len(v.Argv)-1])
	if err != nil || link.Scheme != "http" || link.Hostname() != "127.0.0.1" || len(link.Path) < 25 || link.RawQuery != "" {
		t.Errorf("the browser was given %q, not a one-time loopback link", v.Argv[len(v.Argv)-1])
	}
	if runtime.GOOS == "linux" && len(v.Cmdlines) < 3 {
		t.Errorf("only %d command lines read from /proc", len(v.Cmdlines))
	}
	for _, s := range secrets {
		if s == "" {
			t.Fatal("no secret to look for")
		}
		if strings.Contains(strings.Join(v.Argv, " "), s) {
			t.Errorf("the browser's argv holds the secret: %q", v.Argv)
		}
		for _, c := range v.Cmdlines {
			if strings.Contains(strings.Join(c, " "), s) {
				t.Errorf("a process's command line holds the secret: %q", c)
			}
		}
		if strings.Contains(printed, s) {
			t.Errorf("panel printed the secret without --print:\n%s", printed)
		}
	}
	if v.Again == "" || strings.HasPrefix(v.Again, "303") || strings.HasPrefix(v.Again, "200") {
		t.Errorf("the link's second use got %q, want a refusal", v.Again)
	}
}

// B22a: `panel sso canny` gives the browser a one-time loopback link that redirects to Canny's SSO URL
// once; the SSO token is in no process argument. --print still prints the Canny URL itself.
func TestSSOCannyTokenIsInNoProcessArgument(t *testing.T) {
	e := signedInProcess(t)
	v, printed := runSSOWithRecordingBrowser(t, e, "sso", "canny", "--company-id", "c1", "--redirect", "https://feedback.example.com/b")
	to, err := url.Parse(v.Location)
	if err != nil || v.Status != http.StatusSeeOther || to.Host != "canny.io" || to.Path != "/api/redirects/sso" ||
		to.Query().Get("companyID") != "c1" || to.Query().Get("redirect") != "https://feedback.example.com/b" {
		t.Fatalf("the link answered %d, Location %q", v.Status, v.Location)
	}
	token := to.Query().Get("ssoToken")
	if strings.Count(token, ".") != 2 {
		t.Fatalf("no SSO token in %q", v.Location)
	}
	checkNoArgvHolds(t, v, printed, token)
	t.Logf("browser argv: %q; second use: %s; %d command lines checked", v.Argv[len(v.Argv)-1], v.Again, len(v.Cmdlines))

	out, _ := e.mustRun("sso", "canny", "--company-id", "c1", "--redirect", "https://feedback.example.com/b", "--print")
	if u, err := url.Parse(strings.TrimSpace(out)); err != nil || u.Host != "canny.io" || strings.Count(u.Query().Get("ssoToken"), ".") != 2 {
		t.Errorf("--print = %q", out)
	}
}

// The same for Discourse: the signed answer (sso, sig) reaches Discourse's sso_login through the link only.
func TestSSODiscourseAnswerIsInNoProcessArgument(t *testing.T) {
	e := signedInProcess(t)
	_, _, link := discourseLink(t)
	v, printed := runSSOWithRecordingBrowser(t, e, "sso", "discourse", link)
	if v.Status != http.StatusSeeOther || !strings.HasPrefix(v.Location, "https://forum.example.com/session/sso_login?sso=") {
		t.Fatalf("the link answered %d, Location %q", v.Status, v.Location)
	}
	to, _ := url.Parse(v.Location)
	answer, sig := to.Query().Get("sso"), to.Query().Get("sig")
	if !bytes.Contains([]byte(v.Location), []byte("&sig=")) || answer == "" || sig == "" {
		t.Fatalf("Location %q", v.Location)
	}
	raw := v.Location[strings.Index(v.Location, "sso=")+4 : strings.Index(v.Location, "&sig=")] // as sent, encoded
	checkNoArgvHolds(t, v, printed, raw, answer, sig)
}
