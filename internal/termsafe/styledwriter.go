package termsafe

import "io"

// NewStyledWriter guards a colour terminal's output stream as NewWriter does, except that it lets our own SGR
// styling through (colours and attributes only; see Styled). Fields are sanitized where they are formatted,
// so the only SGR left is ours; every other escape sequence loses its ESC. Each Write is handled on its own:
// a sequence split across writes is not recognised (fmt and our printers write whole lines).
func NewStyledWriter(w io.Writer) io.Writer { return &writer{w: w, keepSGR: true} }
