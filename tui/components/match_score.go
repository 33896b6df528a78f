package components

import "strings"

// sahilm/fuzzy's bonuses and penalties (v0.1.3), for scoreASCII.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// charClass tells, per ASCII byte, what scoring cares about.
var charClass = func() (c [128]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b] = classLower
	}
	for b := 'A'; b <= 'Z'; b++ {
		c[b] = classUpper
	}
	for _, b := range "/-_ .\\" {
		c[b] = classSeparator
	}
	return c
}()

const (
	classLower uint8 = 1 + iota
	classUpper
	classSeparator
)

// scoreASCII is sahilm/fuzzy's scan for one ASCII text, step for step (so
// scores and ties are the same), over bytes with the text folded in advance.
// pattern is lower-cased ASCII; folded is text lower-cased, cut at any NUL.
// The scan only stops where something can happen (nextStop): elsewhere
// sahilm/fuzzy just remembers the previous character, read here as text[j-1].
// It matches exactly when pattern is a subsequence of folded (each pattern
// byte is taken once the next one comes, or at the end), so the scan itself
// decides; texts lacking one of the pattern's bytes never get here
// (textSig).
func scoreASCII(pattern []byte, text, folded string) (int, bool) {
	n, last := len(folded), len(pattern)-1
	total, matched, lastMatch := 0, 0, -1
	bestScore, matchedIndex, adjacent := -1, -1, 0
	p := 0
	for j := strings.IndexByte(folded, pattern[0]); j >= 0; j = nextStop(pattern, folded, p, j) {
		if folded[j] == pattern[p] {
			score := 0
			prev := byte(0)
			if j > 0 {
				prev = text[j-1]
			}
			if j == 0 {
				score += firstCharMatchBonus
			}
			if charClass[prev] == classLower && charClass[text[j]] == classUpper {
				score += camelCaseMatchBonus
			}
			if j != 0 && charClass[prev] == classSeparator {
				score += matchFollowingSeparatorBonus
			}
			if matched > 0 && lastMatch == j-1 {
				bonus := adjacent*2 + adjacentMatchBonus
				score += bonus
				adjacent += bonus
			}
			if score > bestScore {
				bestScore, matchedIndex = score, j
			}
		}
		// The best occurrence is taken when the next pattern character comes
		// next, or at the end of the text.
		if (j+1 == n || p < last && folded[j+1] == pattern[p+1]) && matchedIndex > -1 {
			if matched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += bestScore
			matched++
			lastMatch = matchedIndex
			bestScore = -1
			p = min(p+1, last)
		}
	}
	total += matched - n
	return total, matched == len(pattern)
}

// nextStop is the next position after j where the scan has something to do:
// an occurrence of the pattern character sought, the position just before
// one of the character after it, or the last position; -1 past the end.
func nextStop(pattern []byte, folded string, p, j int) int {
	n := len(folded)
	if j+1 >= n {
		return -1
	}
	stop := n - 1
	if k := strings.IndexByte(folded[j+1:stop], pattern[p]); k >= 0 {
		stop = j + 1 + k
	}
	if p+1 < len(pattern) && j+2 <= stop {
		if k := strings.IndexByte(folded[j+2:stop+1], pattern[p+1]); k >= 0 {
			stop = min(stop, j+1+k)
		}
	}
	return stop
}
