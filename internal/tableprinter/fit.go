package tableprinter

// minShare is the narrowest a column is cut to when the terminal is too narrow for the table: a few
// characters and the ellipsis still say which row is which.
const minShare = 5

// fit shrinks the natural widths so that a row fits the terminal's width, as the GitHub CLI does: columns that
// are kept whole and columns narrower than an even share keep their width; the others share what is left
// evenly (the rest of the division goes to the first ones). When even that does not fit, the cut columns get
// minShare each and the line is left to wrap.
func (t *Table) fit(natural []int) []int {
	widths := append([]int(nil), natural...)
	if t.opts.Width <= 0 || len(widths) == 0 {
		return widths
	}
	avail := t.opts.Width - gap*(len(widths)-1)
	if sum(widths) <= avail {
		return widths
	}
	flexible := map[int]bool{}
	for i := range widths {
		if !t.cols[t.dataColumn(i)].keep && !(t.opts.Mark != "" && i == 0) {
			flexible[i] = true
		}
	}
	for {
		fixed := 0
		for i, w := range widths {
			if !flexible[i] {
				fixed += w
			}
		}
		if len(flexible) == 0 {
			return widths
		}
		share := (avail - fixed) / len(flexible)
		settled := false
		for i := range flexible {
			if natural[i] <= share {
				delete(flexible, i)
				settled = true
			}
		}
		if settled {
			continue
		}
		rest := avail - fixed - share*len(flexible)
		for i := range widths {
			if !flexible[i] {
				continue
			}
			widths[i] = max(share, minShare)
			if rest > 0 && share >= minShare {
				widths[i]++
				rest--
			}
		}
		return widths
	}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
