package components

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"
)

// oneKeyQueries are every ASCII character (upper case too: the query is
// folded) and runes whose folding reaches ASCII or not.
func oneKeyQueries() []string {
	var out []string
	for c := byte(1); c < 128; c++ {
		out = append(out, string(c))
	}
	return append(out, "\x00", "\u212a", "\u017f", "é", "É", "ß")
}

// adversarialTexts put one character where the one-key score changes:
// positions 0, 1, 2 and 3, after a separator or a camel-case hump or not,
// first with and later without the bonus, a NUL before or after it, and
// texts that are empty, one character or not ASCII.
func adversarialTexts() []string {
	texts := []string{"", "\x00", "a", "A", "ab", "aB", "Ab", "AB", " a", "-a", "_A", "zA", "ZA", "za", "a\x00b",
		"b\x00a", "xa", "xxa", "xxxa", "x-a", "xx-a", "xxx-a", "xaA", "xAa", "xaxA", "a-a", "aA", "aa", "a a", "-",
		"--", "x.y/z\\w", "éa", "a\u212a", "\u212aa", "k\u212a", "ſs", "abcAbC_c", "bench-00042 org_bench_00042",
		"Acme Corp org_acme", "ACME", "acmeCorp", "a1B2c3", "1a", "x1a", "x1A", ".A", "aaaA", "AAAa",
		// bytes that share a bit of the signature's sets
		"a^b", "~x", "x|y{z}", "`", "x\x7f", "\tx", "a~^", "^~", "x-~", "{a", "a}", "|"}
	var more []string
	for _, t := range texts {
		more = append(more, strings.ToUpper(t), strings.Repeat("x", 5)+t, t+"-"+t)
	}
	return append(texts, more...)
}

// A one-key query is scored from the texts' signatures: the same order as
// sahilm/fuzzy, on adversarial and random texts.
func TestMatchOneKeyLikeSahilmFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	sets := [][]string{adversarialTexts()}
	for range 50 {
		sets = append(sets, randomTexts(r))
	}
	for _, texts := range sets {
		for _, q := range oneKeyQueries() {
			if got, want := matchFresh(q, texts), fuzzyOrder(q, texts); !slices.Equal(got, want) {
				t.Fatalf("%q over %q:\n got %v\nwant %v", q, texts, got, want)
			}
		}
	}
}

// The signature's score of each byte equals sahilm/fuzzy's score, text by
// text (the order above could hide two wrong scores that tie).
func TestScoreByteLikeSahilmFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	texts := adversarialTexts()
	for range 2000 {
		texts = append(texts, randomText(r, 12))
	}
	for _, text := range texts {
		if !isASCII(text) {
			continue // scored by sahilm/fuzzy itself
		}
		if nul := strings.IndexByte(text, 0); nul >= 0 {
			text = text[:nul] // what the matcher keeps of it
		}
		sig := newTextSig(text, strings.ToLower(text))
		for c := byte(1); c < 128; c++ {
			if !exactByte[c] {
				continue // the sets only say maybe: the scan scores it
			}
			score, ok := sig.scoreByte(strings.ToLower(string(c))[0])
			found := fuzzy.Find(string(c), []string{text})
			if ok != (len(found) == 1) || ok && found[0].Score != score {
				t.Fatalf("%q in %q: score %d %v, want %+v", c, text, score, ok, found)
			}
		}
	}
}

// A signature built page by page is the one built at once: the one-key
// results after texts were added match a fresh search.
func TestMatchOneKeyAfterTextsWereAdded(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 50 {
		texts := append(randomTexts(r), adversarialTexts()...)
		m := newMatcher(nil)
		for from := 0; from < len(texts); {
			to := min(from+1+r.IntN(40), len(texts))
			m.add(texts[:to], from)
			from = to
			for _, q := range []string{"a", "B", "-", "\u212a", "ab"} {
				if got, want := m.match(q), fuzzyOrder(q, texts[:to]); !slices.Equal(got, want) {
					t.Fatalf("%q over %d texts:\n got %v\nwant %v", q, to, got, want)
				}
			}
		}
	}
}

// Erasing and retyping reuses the room of dropped results: every result is
// still the fresh search's, whatever was dropped before it.
func TestMatchReusesDroppedResults(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	texts := append(randomTexts(r), adversarialTexts()...)
	m := newMatcher(texts)
	query := ""
	for step := range 3000 {
		switch k := r.IntN(6); {
		case k == 0:
			query = "" // esc
		case k == 1 && query != "":
			query = query[:len(query)-1]
		case k == 2:
			query = string(alphabet[r.IntN(16)]) // a new first key over a selection
		default:
			query += string(alphabet[r.IntN(16)])
		}
		if step%500 == 499 { // a page arrives: every kept result is dropped
			m.add(texts, len(texts))
		}
		if got, want := m.match(query), fuzzyOrder(query, texts); !slices.Equal(got, want) {
			t.Fatalf("step %d, query %q:\n got %v\nwant %v", step, query, got, want)
		}
	}
}

// The scan's score equals sahilm/fuzzy's on texts of a few characters
// repeated (many occurrences to choose from, humps and separators), for
// patterns of one to five: where it stops looking for a better occurrence
// must not change the result.
func TestScoreASCIILikeSahilmFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	const chars = "abAB-_ ./x"
	pick := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = chars[r.IntN(len(chars))]
		}
		return string(b)
	}
	for range 20000 {
		text, pattern := pick(1+r.IntN(20)), pick(1+r.IntN(5))
		folded := strings.ToLower(text)
		sig := newTextSig(text, folded)
		score, ok := scoreASCII([]byte(strings.ToLower(pattern)), text, folded, &sig.bonus)
		if found := fuzzy.Find(pattern, []string{text}); ok != (len(found) == 1) || ok && found[0].Score != score {
			t.Fatalf("%q in %q: score %d %v, want %+v", pattern, text, score, ok, found)
		}
	}
}
