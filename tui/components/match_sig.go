package components

// textSig is what the filter knows of an ASCII text without reading it,
// built once when the text is added (24 bytes a text: 2.4 MB at 100,000). It
// answers two things:
//   - which bytes the text holds, so a query with a byte it lacks is
//     rejected without a scan;
//   - the whole score of a one-byte query (the first key typed), which in
//     sahilm/fuzzy depends only on where the byte first occurs, where it
//     first occurs with the +20 bonus, and the text's length (scoreByte).
type textSig struct {
	has   byteSet // the folded bytes in the text
	bonus byteSet // the folded bytes found after a separator or as a camel-case hump (+20)
	head  [3]byte // the first three folded bytes, 0 past the end
	// headBonus has bit k set when position k (1 or 2) has the +20: the
	// leading penalty only tells apart positions 0, 1, 2 and the rest.
	headBonus uint8
	n         int32 // the folded text's length
}

// anyText is the signature of a text that is not ASCII: it may match any
// byte (sahilm/fuzzy folds K, the Kelvin sign, to k), and is scored by
// sahilm/fuzzy itself.
var anyText = textSig{has: ^byteSet(0)}

// byteSet is a set of ASCII bytes in one word: letters, digits, separators
// and the common punctuation have a bit each (exact); the rest share the
// last bit, which then only says "maybe".
type byteSet uint64

// byteBit is each ASCII byte's bit; exactByte says whether it has its own.
var byteBit, exactByte = func() (bits [128]uint8, exact [128]bool) {
	own := "abcdefghijklmnopqrstuvwxyz0123456789 -_./\\@#&+(),:'!\"$%*;<=>?[]"
	for b := range bits {
		bits[b] = sharedBit
	}
	for k := range len(own) {
		bits[own[k]], exact[own[k]] = uint8(k), true //nolint:gosec // 63 bytes
		if c := own[k]; 'a' <= c && c <= 'z' {
			bits[c-'a'+'A'], exact[c-'a'+'A'] = uint8(k), true //nolint:gosec // same
		}
	}
	return bits, exact
}()

const sharedBit = 63

// contains reports whether b may be in s: surely when exactByte[b].
func (s byteSet) contains(b byte) bool { return b < 128 && s&(1<<(byteBit[b]&63)) != 0 }

// containsAll reports whether every byte of pattern may be in s.
func (s byteSet) containsAll(pattern []byte) bool {
	for _, b := range pattern {
		if !s.contains(b) {
			return false
		}
	}
	return true
}

// newTextSig reads an ASCII text and its folding (both cut at any NUL), in
// one pass: it runs for every text added, 100 a page.
func newTextSig(text, folded string) textSig {
	s := textSig{n: int32(len(folded))} //nolint:gosec // a filter text is far below 2 GB
	var has, bonus byteSet
	prev := uint8(0) // the class of the character before: none at 0
	for j := 0; j < len(folded) && j < len(text); j++ {
		class, bit := charClass[text[j]&127], byteSet(1)<<(byteBit[folded[j]&127]&63)
		has |= bit
		// sahilm/fuzzy's +20: after a separator, or a camel-case hump (never both)
		if prev == classSeparator || prev == classLower && class == classUpper {
			bonus |= bit
			if j < len(s.head) {
				s.headBonus |= 1 << j
			}
		}
		prev = class
	}
	copy(s.head[:], folded)
	s.has, s.bonus = has, bonus
	return s
}

// scoreByte is sahilm/fuzzy's score of the one-byte pattern c (folded, and
// exactByte[c]: else the sets only say maybe) in the text, from its
// signature alone. For one character sahilm/fuzzy keeps
// the first occurrence with the best bonus (+10 at position 0, +20 after a
// boundary, 0 elsewhere), takes off 5 per leading character up to 15, and
// adds 1 - length.
func (s *textSig) scoreByte(c byte) (int, bool) {
	if !s.has.contains(c) {
		return 0, false
	}
	var best int
	switch {
	case s.bonus.contains(c): // the first boundary occurrence: position 1, 2 or later
		switch {
		case s.head[1] == c && s.headBonus&(1<<1) != 0:
			best = matchFollowingSeparatorBonus - 5
		case s.head[2] == c && s.headBonus&(1<<2) != 0:
			best = matchFollowingSeparatorBonus - 10
		default:
			best = matchFollowingSeparatorBonus + maxUnmatchedLeadingCharPenalty
		}
	case s.head[0] == c:
		best = firstCharMatchBonus
	case s.head[1] == c:
		best = unmatchedLeadingCharPenalty
	case s.head[2] == c:
		best = 2 * unmatchedLeadingCharPenalty
	default:
		best = maxUnmatchedLeadingCharPenalty
	}
	return best + 1 - int(s.n), true
}
