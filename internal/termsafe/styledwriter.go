package termsafe

import (
	"io"
	"unicode/utf8"
)

// NewStyledWriter guards a colour terminal's output stream as NewWriter does, except that it lets our own SGR
// styling through (colours and attributes only; see Styled). Fields are sanitized where they are formatted,
// so the only SGR left is ours; every other escape sequence loses its ESC. Each Write is handled on its own:
// a sequence split across writes is not recognised (fmt and our printers write whole lines).
func NewStyledWriter(w io.Writer) io.Writer { return &styledWriter{w: w} }

type styledWriter struct{ w io.Writer }

func (g *styledWriter) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); {
		if n := sgrLen(string(p[i:min(len(p), i+64)])); n > 0 {
			out = append(out, p[i:i+n]...)
			i += n
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
		case r == '\r' && i+1 < len(p) && p[i+1] == '\n':
		case (r == utf8.RuneError && size == 1) || IsControl(r):
			out = utf8.AppendRune(out, Placeholder)
		default:
			out = append(out, p[i:i+size]...)
		}
		i += size
	}
	if _, err := g.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
