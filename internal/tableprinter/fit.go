package tableprinter

// minShare is the narrowest a column is cut to when the terminal is too narrow for the table: a few
// characters and the ellipsis still say which row is which.
const minShare = 5

// fit shrinks the natural widths so that a row fits the terminal's width, cutting the widest columns first:
// every column that may be cut gets at most the same cap, the largest that fits, so narrow columns (a status,
// a count) keep their width and the long names give way; columns kept whole never shrink. The columns the cap
// cut share what the division left over. When even minShare each does not fit, the line is left to wrap.
func (t *Table) fit(natural []int) []int {
	widths := append([]int(nil), natural...)
	if t.opts.Width <= 0 || len(widths) == 0 {
		return widths
	}
	avail := t.opts.Width - gap*(len(widths)-1)
	if sum(widths) <= avail {
		return widths
	}
	var flexible []int
	for i, w := range widths {
		if t.cols[t.dataColumn(i)].keep || (t.opts.Mark != "" && i == 0) {
			avail -= w
			continue
		}
		flexible = append(flexible, i)
	}
	if len(flexible) == 0 {
		return widths
	}
	capped := func(c int) int {
		n := 0
		for _, i := range flexible {
			n += min(natural[i], c)
		}
		return n
	}
	c := 0
	for c < avail && capped(c+1) <= avail {
		c++
	}
	if c < minShare {
		c = minShare
	}
	rest := avail - capped(c)
	for _, i := range flexible {
		widths[i] = min(natural[i], c)
		if natural[i] > c && rest > 0 {
			widths[i]++
			rest--
		}
	}
	return widths
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
