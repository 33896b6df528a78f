package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// bashCompletionLib is bash-completion's library, which cobra's bash script relies on.
const bashCompletionLib = "/usr/share/bash-completion/bash_completion"

// Completion as bash does it: the built binary's `panel completion bash` sourced into a real bash (with
// bash-completion), its function called as a Tab press would, the names coming from the local store.
func TestBashCompletesNamesFromTheLocalStore(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if _, serr := os.Stat(bashCompletionLib); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("bash or bash-completion is missing under CI=true (scripts/test.sh installs it)")
		}
		t.Skip("bash or bash-completion is not installed")
	}
	bin := buildPanel(t)
	e := newTestEnv(t, emulator.Options{})
	env := append(e.environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	for _, args := range [][]string{{"login", "--email", "alice@example.com"}, {"orgs", "list"}, {"members", "list"}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("panel %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	script := `source ` + bashCompletionLib + `
source <(panel completion bash)
for line in "panel orgs switch " "panel orgs switch gl" "panel members remove b" "panel --organization-id in"; do
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_LINE=$line COMP_POINT=${#line} COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_TYPE=9 COMPREPLY=()
  __start_panel panel "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}" 2>/dev/null
  echo "$line|${COMPREPLY[*]}"
done
`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	want := "panel orgs switch |acme globex initech\n" +
		"panel orgs switch gl|globex\n" +
		"panel members remove b|bob@example.com\n" +
		"panel --organization-id in|initech\n"
	if string(out) != want {
		t.Fatalf("bash completed:\n%s\nwant\n%s", out, want)
	}
}
