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
//
// bonus is the text's bytes that occur with the +20 (textSig.bonus). Once a
// pattern character's best occurrence so far cannot be beaten (it has 20 or
// more, or the character never has the +20), the scan stops looking for it:
// a later occurrence scores 0 or 20 (the +10 is only at 0, the adjacency
// bonus only just after the previous match, before any other). For the last
// character that ends the scan.
func scoreASCII(pattern []byte, text, folded string, bonus *byteSet) (int, bool) {
	n, last := len(folded), len(pattern)-1
	total, matched, lastMatch := 0, 0, -1
	bestScore, matchedIndex, adjacent := -1, -1, 0
	p, settled := 0, false
	for j := strings.IndexByte(folded, pattern[0]); j >= 0; j = nextStop(pattern, folded, p, j, settled) {
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
			settled = bestScore >= matchFollowingSeparatorBonus || !bonus.contains(pattern[p])
		}
		// The best occurrence is taken when the next pattern character comes
		// next, or at the end of the text (or now for the last character,
		// when nothing later can beat it).
		if (j+1 == n || p < last && folded[j+1] == pattern[p+1] || p == last && settled) && matchedIndex > -1 {
			if matched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			total += bestScore
			matched++
			lastMatch = matchedIndex
			bestScore, settled = -1, false
			if matched == len(pattern) {
				break
			}
			p = min(p+1, last)
		}
	}
	total += matched - n
	return total, matched == len(pattern)
}

// nextStop is the next position after j where the scan has something to do:
// an occurrence of the pattern character sought (unless settled: none can
// beat the best one), the position just before one of the character after
// it, or the last position; -1 past the end.
func nextStop(pattern []byte, folded string, p, j int, settled bool) int {
	n := len(folded)
	if j+1 >= n {
		return -1
	}
	stop := n - 1
	if !settled {
		if folded[j+1] == pattern[p] {
			return j + 1 // the next one, as when a typed prefix matches: no search
		}
		if k := strings.IndexByte(folded[j+1:stop], pattern[p]); k >= 0 {
			stop = j + 1 + k
		}
	}
	if p+1 < len(pattern) && j+2 <= stop {
		if folded[j+2] == pattern[p+1] {
			return j + 1
		}
		if k := strings.IndexByte(folded[j+2:stop+1], pattern[p+1]); k >= 0 {
			stop = min(stop, j+1+k)
		}
	}
	return stop
}
