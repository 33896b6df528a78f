// The docs name files, folders and tests; these checks keep those names true as the code moves.
package docs_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const root = ".."

// documents are the pages a newcomer reads.
var documents = []string{"README.md", "docs/BEHAVIOUR.md", "docs/ARCHITECTURE.md", "docs/TUI.md", "docs/PERFORMANCE.md"}

var (
	quoted   = regexp.MustCompile("`([^`\n]+)`")
	repoPath = regexp.MustCompile(`^(api|app|auth|bench|cmd|docs|emulator|internal|scripts|store|tui)(/[A-Za-z0-9_.*-]+)+/?$`)
	testName = regexp.MustCompile(`^(Test|Fuzz|Benchmark)[A-Za-z0-9_]+\*?$`)
	declared = regexp.MustCompile(`(?m)^func ((?:Test|Fuzz|Benchmark)[A-Za-z0-9_]+)\(`)
)

// Every path a document quotes exists, and every test it names is declared.
func TestDocumentsNameWhatExists(t *testing.T) {
	tests := declaredTests(t)
	for _, doc := range documents {
		text, err := os.ReadFile(filepath.Join(root, doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range quoted.FindAllStringSubmatch(string(text), -1) {
			name := m[1]
			switch {
			case repoPath.MatchString(name) && !strings.Contains(name, "*"):
				if _, err := os.Stat(filepath.Join(root, name)); err != nil {
					t.Errorf("%s names %s, which does not exist", doc, name)
				}
			case testName.MatchString(name):
				if !tests(name) {
					t.Errorf("%s names the test %s, which is not declared", doc, name)
				}
			}
		}
	}
}

// declaredTests returns whether a test (or, ending in *, a prefix of one) is declared in a _test.go file.
func declaredTests(t *testing.T) func(string) bool {
	t.Helper()
	var names []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range declared.FindAllStringSubmatch(string(src), -1) {
			names = append(names, m[1])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return func(name string) bool {
		prefix, wild := strings.CutSuffix(name, "*")
		for _, n := range names {
			if n == name || (wild && strings.HasPrefix(n, prefix)) {
				return true
			}
		}
		return false
	}
}

// The repo explains itself: nothing in it points at a document that is not in it.
func TestNothingPointsOutsideTheRepo(t *testing.T) {
	outside := []string{"PRODUCT" + ".md", "STYLE" + ".md"}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".sh", ".yml", ".yaml":
		default:
			return nil
		}
		text, err := os.ReadFile(path)
		for _, name := range outside {
			if strings.Contains(string(text), name) {
				t.Errorf("%s points at %s, which is not in the repo", path, name)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
