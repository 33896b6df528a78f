package export

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

type org struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status,omitempty"`
	secret string
}

var orgs = []org{{ID: "o1", Name: "acme", Status: "ACTIVE"}, {ID: "o2", Name: "globex\x1b[31m"}}

// run parses args into a command with the export flags and writes orgs through the exporter.
func run(t *testing.T, o Output, args ...string) (string, error) {
	t.Helper()
	var b strings.Builder
	o.W = &b
	var e *Exporter
	cmd := &cobra.Command{Use: "list", RunE: func(*cobra.Command, []string) error {
		if !e.Enabled() {
			return nil
		}
		return e.Write(o, orgs)
	}}
	e = AddFlags(cmd, FieldsOf(orgs))
	cmd.SetArgs(args)
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	cmd.SilenceUsage = true
	err := cmd.Execute()
	return b.String(), err
}

func TestFieldsOfReadsTheJSONNames(t *testing.T) {
	if got := strings.Join(FieldsOf(org{secret: "not a field"}), ","); got != "id,name,status" {
		t.Fatalf("FieldsOf = %s", got)
	}
}

func TestBareJSONPrintsEveryField(t *testing.T) {
	out, err := run(t, Output{}, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 || got[0]["status"] != "ACTIVE" {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("raw ESC in JSON: %q", out)
	}
}

func TestJSONFieldsKeepTheirOrderAndNullWhenAbsent(t *testing.T) {
	out, err := run(t, Output{}, "--json=status,id")
	if err != nil {
		t.Fatal(err)
	}
	compact := strings.Join(strings.Fields(out), "")
	if compact != `[{"status":"ACTIVE","id":"o1"},{"status":null,"id":"o2"}]` {
		t.Fatalf("--json=status,id:\n%s", out)
	}
}

func TestUnknownFieldListsTheValidOnes(t *testing.T) {
	_, err := run(t, Output{}, "--json=name,nope")
	if err == nil || !strings.Contains(err.Error(), `unknown JSON field "nope"`) ||
		!strings.Contains(err.Error(), "Available fields:\n  id\n  name\n  status") {
		t.Fatalf("err = %v", err)
	}
}

func TestJQImpliesJSONStringsRawOthersCompactInAPipe(t *testing.T) {
	out, err := run(t, Output{}, "--jq", ".[] | .name, {id}")
	if err != nil {
		t.Fatal(err)
	}
	want := "acme\n{\"id\":\"o1\"}\nglobex\uFFFD[31m\n{\"id\":\"o2\"}\n"
	if out != want {
		t.Fatalf("--jq:\n%q\nwant\n%q", out, want)
	}
	if _, err := run(t, Output{}, "--jq", ".[] | ]"); err == nil || !strings.Contains(err.Error(), "invalid --jq") {
		t.Fatalf("bad expression: %v", err)
	}
}

func TestTemplateHelpers(t *testing.T) {
	out, err := run(t, Output{}, "--template", `{{range .}}{{tablerow .name (truncate 3 .name) (color "red" .status)}}{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "acme\tac…\tACTIVE\nglobex\uFFFD[31m\tgl…\t\n"; out != want {
		t.Fatalf("piped template:\n%q\nwant\n%q", out, want)
	}
	out, err = run(t, Output{TTY: true, Color: true}, "--template",
		`{{range .}}{{tablerow .name (color "green+b" .id)}}{{end}}{{tablerender}}{{join "," (pluck "id" .)}}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "acme         \x1b[32;1mo1\x1b[0m\nglobex\uFFFD[31m  \x1b[32;1mo2\x1b[0m\no1,o2"; out != want {
		t.Fatalf("terminal template:\n%q\nwant\n%q", out, want)
	}
}

func TestJQAndTemplateTogetherFail(t *testing.T) {
	if _, err := run(t, Output{}, "--jq", ".", "--template", "x"); err == nil {
		t.Fatal("--jq with --template should fail")
	}
}

func TestColourJSONOnATerminal(t *testing.T) {
	out, err := run(t, Output{TTY: true, Color: true}, "--json=id")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, sgrKey+`"id"`+sgrReset+": "+sgrString+`"o1"`+sgrReset) {
		t.Fatalf("colours: %q", out)
	}
}

func TestCompletionOffersTheFieldsLeft(t *testing.T) {
	e := &Exporter{valid: []string{"id", "name", "status"}}
	got, _ := e.completeFields(nil, nil, "id,")
	if strings.Join(got, " ") != "id,name id,status" {
		t.Fatalf("completion = %v", got)
	}
	if got, _ := e.completeFields(nil, nil, "id,st"); strings.Join(got, " ") != "id,status" {
		t.Fatalf("completion by prefix = %v", got)
	}
}

func TestTimeAgo(t *testing.T) {
	for d, want := range map[string]string{"30s": "less than a minute ago", "2h": "about 2 hours ago", "49h": "about 2 days ago",
		"-169h": "in about 7 days", "-1h": "in about 1 hour"} {
		dd, _ := parseDuration(d)
		if got := ago(dd); got != want {
			t.Errorf("ago(%s) = %q, want %q", d, got, want)
		}
	}
}

func parseDuration(s string) (time.Duration, error) { return time.ParseDuration(s) }
