package components

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"
)

// fuzzyOrder is what sahilm/fuzzy itself ranks: the reference.
func fuzzyOrder(pattern string, texts []string) []int32 {
	if pattern == "" {
		return identity(len(texts))
	}
	found := fuzzy.Find(pattern, texts)
	out := make([]int32, len(found))
	for i, m := range found {
		out[i] = int32(m.Index) //nolint:gosec // a test's few texts
	}
	return out
}

// matchFresh is a fresh matcher's result: nothing kept from earlier queries.
func matchFresh(pattern string, texts []string) []int32 { return newMatcher(texts).match(pattern) }

const alphabet = "abcdeABCDE0123-_ ./\\xyzK\u212a\u017fsé\x00"

func randomText(r *rand.Rand, n int) string {
	runes := []rune(alphabet)
	var b strings.Builder
	for range r.IntN(n) + 1 {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

func randomTexts(r *rand.Rand) []string {
	texts := make([]string, 200)
	for i := range texts {
		texts[i] = randomText(r, 24)
		if i%3 == 0 { // mostly ASCII, like organization names and ids
			texts[i] = strings.Map(func(c rune) rune {
				if c > 127 || c == 0 {
					return 'q'
				}
				return c
			}, texts[i])
		}
	}
	return texts
}

func TestMatchRanksLikeSahilmFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		texts := randomTexts(r)
		pattern := randomText(r, 4)
		if round%2 == 0 {
			pattern = strings.Map(func(c rune) rune { return min(c, 'z') }, pattern)
		}
		if got, want := matchFresh(pattern, texts), fuzzyOrder(pattern, texts); !slices.Equal(got, want) {
			t.Fatalf("pattern %q over %q:\n got %v\nwant %v", pattern, texts, got, want)
		}
	}
}

// Typing on narrows the previous result and erasing reuses it: the order
// must still be the one a fresh search gives.
func TestMatchIncrementallyAsYouType(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		texts := randomTexts(r)
		m := newMatcher(texts)
		query := ""
		for range 12 {
			switch {
			case r.IntN(3) == 0 && query != "":
				query = query[:len(query)-1] // backspace
			case r.IntN(5) == 0:
				query = randomText(r, 3) // pasted over
			default:
				query += string(alphabet[r.IntN(16)])
			}
			if !isASCIIString(query) {
				query = ""
			}
			if got, want := m.match(query), fuzzyOrder(query, texts); !slices.Equal(got, want) {
				t.Fatalf("query %q:\n got %v\nwant %v", query, got, want)
			}
		}
	}
}

func isASCIIString(s string) bool { return isASCII(s) }

func TestMatchScoresOrganizations(t *testing.T) {
	texts := []string{"globex org_globex", "acme org_acme", "acme-labs org_acme_labs", "bench-00042 org_bench_00042"}
	for _, q := range []string{"acme", "ACME", "org_a", "b42", "gx", "zz", "a l"} {
		found := fuzzy.Find(q, texts)
		want := make([]int, len(found))
		for i, f := range found {
			want[i] = f.Index
		}
		if got := Match(q, texts); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
}

// FuzzMatchLikeSahilmFuzzy compares one text's score and match with the
// library's own: `go test -fuzz FuzzMatchLikeSahilmFuzzy ./tui/components`.
func FuzzMatchLikeSahilmFuzzy(f *testing.F) {
	f.Add("b42", "bench-00042 org_bench_00042")
	f.Add("aC", "abcAbC_c")
	f.Add("k", "\u212a")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		got := newMatcher([]string{text}).match(pattern)
		if want := fuzzyOrder(pattern, []string{text}); !slices.Equal(got, want) {
			t.Fatalf("%q in %q: got %v, want %v", pattern, text, got, want)
		}
		if !isASCII(pattern) || !isASCII(text) || pattern == "" {
			return
		}
		folded := strings.ToLower(text)
		if nul := strings.IndexByte(text, 0); nul >= 0 {
			text, folded = text[:nul], folded[:nul]
		}
		if len(text) == 0 {
			return
		}
		sig := newTextSig(text, folded)
		score, ok := scoreASCII([]byte(strings.ToLower(pattern)), text, folded, &sig.bonus)
		if found := fuzzy.Find(pattern, []string{text}); ok != (len(found) == 1) || ok && found[0].Score != score {
			t.Fatalf("%q in %q: score %d %v, want %+v", pattern, text, score, ok, found)
		}
	})
}

// Texts added page by page (List.AppendItems) match as if they had all been
// there: the results kept for the earlier texts are not reused.
func TestMatchAfterTextsWereAdded(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		texts := randomTexts(r)
		cut := r.IntN(len(texts) + 1)
		m := newMatcher(texts[:cut])
		query := string(alphabet[r.IntN(16)])
		m.match(query)
		m.match("")
		m.add(texts, cut)
		for _, q := range []string{"", query, query + string(alphabet[r.IntN(16)])} {
			if got, want := m.match(q), fuzzyOrder(q, texts); !slices.Equal(got, want) {
				t.Fatalf("query %q after adding %d texts to %d:\n got %v\nwant %v", q, len(texts)-cut, cut, got, want)
			}
		}
	}
}
