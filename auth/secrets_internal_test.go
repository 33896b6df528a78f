package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A forged state of the right length is refused like any other, wherever it differs. That the comparison
// takes constant time cannot be observed reliably in a test; TestSecretsAreComparedInConstantTime checks
// the code instead: the state only meets subtle.ConstantTimeCompare (through sameSecret).
func TestForgedStateOfEqualLengthIsRefused(t *testing.T) {
	state := newState("orgs", "")
	flip := func(i int) string {
		b := []byte(state)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}
	forged := []string{flip(0), flip(len(state) / 2), flip(len(state) - 1), strings.Repeat("A", len(state))}
	for _, st := range forged {
		c := &callbackServer{host: "127.0.0.1:4242", state: state, callbacks: make(chan callback, 1)}
		if len(st) != len(state) || st == state {
			t.Fatalf("bad forgery %q", st)
		}
		u := &url.URL{Path: callbackPath, RawQuery: url.Values{"code": {"c"}, "state": {st}}.Encode()}
		if _, status, problem := c.check(c.host, u); status != http.StatusBadRequest || !strings.Contains(problem, "state") {
			t.Errorf("state differing at one place: %d %q", status, problem)
		}
		if c.accepted.Load() {
			t.Error("a forged state used up the one accepted callback")
		}
	}
	c := &callbackServer{host: "127.0.0.1:4242", state: state, callbacks: make(chan callback, 1)}
	u := &url.URL{Path: callbackPath, RawQuery: url.Values{"code": {"c"}, "state": {state}}.Encode()}
	if _, _, problem := c.check(c.host, u); problem != "" {
		t.Fatalf("the genuine state was refused: %s", problem)
	}
}

// Reads auth's own source: no state, verifier or refresh token is compared with == or != (an early-exit
// comparison leaks how much of a guess is right), sameSecret is subtle.ConstantTimeCompare, and no
// secret comes from math/rand.
func TestSecretsAreComparedInConstantTime(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	secret := map[string]bool{"state": true, "verifier": true, "RefreshToken": true, "PendingToken": true}
	usesConstantTime := false
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "math/rand" || p == "math/rand/v2" {
				t.Errorf("%s imports %s: secrets must come from crypto/rand", name, p)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					return true
				}
				for _, side := range []ast.Expr{n.X, n.Y} {
					if sel, ok := side.(*ast.SelectorExpr); ok && secret[sel.Sel.Name] && !isEmptyString(n, side) {
						t.Errorf("%s compares the secret %s with %s", fset.Position(n.Pos()), sel.Sel.Name, n.Op)
					}
				}
			case *ast.FuncDecl:
				if n.Name.Name == "sameSecret" {
					ast.Inspect(n.Body, func(m ast.Node) bool {
						if sel, ok := m.(*ast.SelectorExpr); ok && sel.Sel.Name == "ConstantTimeCompare" {
							if id, ok := sel.X.(*ast.Ident); ok && id.Name == "subtle" {
								usesConstantTime = true
							}
						}
						return true
					})
				}
			}
			return true
		})
	}
	if !usesConstantTime {
		t.Error("sameSecret does not call subtle.ConstantTimeCompare")
	}
}

// isEmptyString reports whether the other side of a comparison is "" (a presence check, not a comparison
// of secrets).
func isEmptyString(b *ast.BinaryExpr, side ast.Expr) bool {
	other := b.Y
	if side == b.Y {
		other = b.X
	}
	lit, ok := other.(*ast.BasicLit)
	return ok && lit.Value == `""`
}

// The PKCE verifier is 43 to 128 characters of the RFC 7636 alphabet, never repeats, and its challenge
// is the S256 one. Over many draws every base64url character shows up about equally often, as 256 random
// bits would give (a statistical check: it cannot tell crypto/rand from a weaker generator; the import
// check above does).
func TestPKCEVerifierIsLongRandomAndUnique(t *testing.T) {
	const draws = 10_000
	seen := make(map[string]bool, draws)
	counts := map[rune]int{}
	for range draws {
		p := newPKCE()
		if n := len(p.verifier); n < 43 || n > 128 {
			t.Fatalf("verifier of %d characters", n)
		}
		for _, r := range p.verifier {
			if !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~", r) {
				t.Fatalf("verifier character %q outside RFC 7636's unreserved set", r)
			}
		}
		for _, r := range p.verifier[:42] { // the 43rd carries 4 bits only
			counts[r]++
		}
		if seen[p.verifier] {
			t.Fatal("a verifier repeated")
		}
		seen[p.verifier] = true
		sum := sha256.Sum256([]byte(p.verifier))
		if p.challenge != base64.RawURLEncoding.EncodeToString(sum[:]) {
			t.Fatal("the challenge is not BASE64URL(SHA256(verifier))")
		}
	}
	want := draws * 42 / 64
	if len(counts) != 64 {
		t.Errorf("%d distinct characters over %d verifiers, want all 64", len(counts), draws)
	}
	for r, n := range counts {
		if n < want*9/10 || n > want*11/10 { // ±10% is over 8 standard deviations
			t.Errorf("character %q appears %d times, expected about %d", r, n, want)
		}
	}
	states := map[string]bool{}
	for range 1000 {
		st := newState("", "")
		if len(st) < 32 || states[st] {
			t.Fatalf("state %q is short or repeated", st)
		}
		states[st] = true
	}
}
