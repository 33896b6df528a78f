package components

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// matcher ranks a list's texts against the filter fast enough to redraw on
// every keystroke with tens of thousands of items (the goal: ≤ 1 ms with
// 10,000). It gives exactly sahilm/fuzzy's matches, scores and order, but:
//   - the texts are folded to lower case once, when the items are set;
//   - a query that only grew is matched within the previous matches (a
//     fuzzy match of "ab" is also one of "a");
//   - the results of the shorter queries are kept, so erasing is free;
//   - ASCII texts are scored in a tight loop over bytes; the rest (rare) go
//     through sahilm/fuzzy itself;
//   - each ASCII text has a signature (textSig): a query with a byte the
//     text lacks skips it, and a one-byte query (the first key, which
//     every text may match) is scored from the signatures alone.
type matcher struct {
	texts  []string
	folded []string // lower-cased ASCII text cut at the first NUL; "" when not ASCII
	ascii  []bool
	sigs   []textSig    // of the ASCII texts; anyText for the others
	levels []matchLevel // results of growing queries, each a prefix of the next
	all    []int32      // every index in order: the empty query's result
	// scored is the scores' room, reused by every search: a first key over
	// 100,000 texts would otherwise allocate 1.6 MB a keystroke and make the
	// collector scan every row again and again.
	scored []scoredMatch
	// spare are results dropped by erasing or retyping, whose room the next
	// searches reuse (1.2 MB for a first key over 100,000).
	spare []matchLevel
}

// matchLevel is one query's result: the matches in item order (what a
// longer query searches within) and in display order.
type matchLevel struct {
	query  string
	within []int32
	ranked []int32
}

// maxLevels bounds the kept results; a deeper query searches within the
// deepest kept one, which is still a superset.
const maxLevels = 32

func newMatcher(texts []string) *matcher {
	m := &matcher{}
	m.add(texts, 0)
	return m
}

// add folds texts[from:], the texts added since the last call (texts holds
// them all), and forgets the kept results: they miss the new texts.
func (m *matcher) add(texts []string, from int) {
	m.texts = texts
	for _, t := range texts[from:] {
		if nul := strings.IndexByte(t, 0); nul >= 0 {
			t = t[:nul]
		}
		folded, ascii, sig := "", isASCII(t), anyText
		if ascii {
			folded = strings.ToLower(t)
			sig = newTextSig(t, folded)
		}
		m.folded, m.ascii, m.sigs = append(m.folded, folded), append(m.ascii, ascii), append(m.sigs, sig)
	}
	m.forget(0)
	if m.all != nil {
		for i := len(m.all); i < len(texts); i++ {
			m.all = append(m.all, int32(i)) //nolint:gosec // far below 2^31 texts
		}
	}
}

// match returns the indexes of the texts matching query, best first; ties
// keep the item order. An empty query matches everything in order. The
// result is kept for the next query: callers must not modify it, and must
// drop it at the next match or add (its room may be reused).
func (m *matcher) match(query string) []int32 {
	if query == "" {
		m.forget(0)
		if m.all == nil {
			m.all = identity(len(m.texts))
		}
		return m.all
	}
	keep := len(m.levels)
	for keep > 0 && !strings.HasPrefix(query, m.levels[keep-1].query) {
		keep--
	}
	m.forget(keep)
	var within []int32
	if n := len(m.levels); n > 0 {
		if m.levels[n-1].query == query {
			return m.levels[n-1].ranked
		}
		within = m.levels[n-1].within
	}
	level := m.search(query, within)
	if len(m.levels) < maxLevels {
		m.levels = append(m.levels, level)
	}
	return level.ranked
}

// forget drops the kept results from the k-th on, keeping their room for
// the next searches.
func (m *matcher) forget(k int) {
	for _, l := range m.levels[k:] {
		if len(m.spare) < maxLevels {
			m.spare = append(m.spare, l)
		}
	}
	clear(m.levels[k:])
	m.levels = m.levels[:k]
}

// room returns n slots for a result's two orders, from a dropped result
// big enough if there is one.
func (m *matcher) room(n int) ([]int32, []int32) {
	for k, l := range m.spare {
		if cap(l.within) >= n && cap(l.ranked) >= n {
			last := len(m.spare) - 1
			m.spare[k] = m.spare[last]
			m.spare[last] = matchLevel{}
			m.spare = m.spare[:last]
			return l.within[:n], l.ranked[:n]
		}
	}
	return make([]int32, n), make([]int32, n)
}

// search scores the candidates (every text when within is nil).
func (m *matcher) search(query string, within []int32) matchLevel {
	n := len(within)
	if within == nil {
		n = len(m.texts)
	}
	scored := m.scored[:0]
	if cap(scored) < n {
		scored = make([]scoredMatch, 0, n)
	}
	ascii := isASCII(query) // else let sahilm/fuzzy fold the pattern's runes
	pattern := []byte(strings.ToLower(query))
	switch {
	case ascii && len(pattern) == 1 && within == nil:
		scored = m.scoreEveryByte(query, pattern, scored)
	case ascii:
		scored = m.scoreEach(query, pattern, within, scored)
	default: // sahilm/fuzzy folds the pattern's runes its own way
		for k := range n {
			i := int32(k) //nolint:gosec // far below 2^31 texts
			if within != nil {
				i = within[k]
			}
			if score, ok := scoreSlow(query, m.texts[i]); ok {
				scored = append(scored, scoredMatch{index: i, score: score})
			}
		}
	}
	level := matchLevel{query: query}
	level.within, level.ranked = m.room(len(scored))
	for k, s := range scored {
		level.within[k] = s.index
	}
	rank(scored, level.ranked)
	m.scored = scored[:0]
	return level
}

// scoreEach scores an ASCII query in the candidates (every text when within
// is nil): a text lacking one of its bytes is skipped on its signature.
func (m *matcher) scoreEach(query string, pattern []byte, within []int32, scored []scoredMatch) []scoredMatch {
	n := len(within)
	if within == nil {
		n = len(m.texts)
	}
	for k := range n {
		i := int32(k) //nolint:gosec // far below 2^31 texts
		if within != nil {
			i = within[k]
		}
		sig := &m.sigs[i]
		if !sig.has.containsAll(pattern) {
			continue // it cannot match
		}
		var score int
		var ok bool
		if m.ascii[i] {
			score, ok = scoreASCII(pattern, m.texts[i], m.folded[i], &sig.bonus)
		} else {
			score, ok = scoreSlow(query, m.texts[i])
		}
		if ok {
			scored = append(scored, scoredMatch{index: i, score: score})
		}
	}
	return scored
}

// scoreEveryByte scores a one-byte query (pattern, folded) in every text:
// the first key into an empty filter, which may match them all. The
// signatures are read in order, 24 bytes a text; the texts themselves only
// when not ASCII or for a rare byte.
func (m *matcher) scoreEveryByte(query string, pattern []byte, scored []scoredMatch) []scoredMatch {
	c := pattern[0]
	bit, exact := byteSet(1)<<(byteBit[c&127]&63), exactByte[c&127]
	for i := range m.sigs {
		sig := &m.sigs[i]
		if sig.has&bit == 0 {
			continue // most texts, for most bytes
		}
		var score int
		var ok bool
		switch {
		case !m.ascii[i]:
			score, ok = scoreSlow(query, m.texts[i])
		case exact:
			score, ok = sig.scoreByte(c)
		default: // a rare byte, sharing its bit: the set only said maybe
			score, ok = scoreASCII(pattern, m.texts[i], m.folded[i], &sig.bonus)
		}
		if ok {
			scored = append(scored, scoredMatch{index: int32(i), score: score}) //nolint:gosec // see indexes in the switcher: far below 2^31
		}
	}
	return scored
}

type scoredMatch struct {
	index int32
	score int // sahilm/fuzzy's adjacency bonus grows fast: keep its int
}

func scoreSlow(query, text string) (int, bool) {
	found := fuzzy.Find(query, []string{text})
	if len(found) == 0 {
		return 0, false
	}
	return found[0].Score, true
}

// rank puts the matches' indexes in out (as long as scored) by score, best
// first, keeping the item order among equal scores (sort.Stable in
// sahilm/fuzzy). Already ordered input (all scores equal, a common case)
// costs one pass; scores within a few thousand
// of each other (the usual spread) are placed by counting, in two more
// passes, instead of sorted: a first key over 100,000 items would
// otherwise sort them all.
func rank(scored []scoredMatch, out []int32) {
	if len(scored) == 0 {
		return
	}
	ordered := true
	lo, hi := scored[0].score, scored[0].score
	for i := 1; i < len(scored); i++ {
		s := scored[i].score
		ordered = ordered && s <= scored[i-1].score
		lo, hi = min(lo, s), max(hi, s)
	}
	switch {
	case ordered:
	case hi-lo < maxCountingSpread:
		// starts[k] is where score hi-k goes: the best first, each in item order.
		starts := make([]int, hi-lo+2)
		for _, s := range scored {
			starts[hi-s.score+1]++
		}
		for k := 1; k < len(starts); k++ {
			starts[k] += starts[k-1]
		}
		for _, s := range scored {
			out[starts[hi-s.score]] = s.index
			starts[hi-s.score]++
		}
		return
	default:
		// The index breaks ties, so an unstable sort gives the stable order.
		slices.SortFunc(scored, func(a, b scoredMatch) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.index, b.index)
		})
	}
	for i, s := range scored {
		out[i] = s.index
	}
}

// maxCountingSpread bounds the counts rank keeps (one int per score between
// the lowest and the highest).
const maxCountingSpread = 1 << 14

func identity(n int) []int32 {
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i) //nolint:gosec // far below 2^31 texts
	}
	return all
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
