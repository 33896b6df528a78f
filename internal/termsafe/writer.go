package termsafe

import (
	"io"
	"unicode/utf8"
)

// NewWriter guards an output stream (the CLI's stdout and stderr): whatever is written to it reaches w with
// every control replaced except line breaks and tabs, which are the layout of our own output (lines, aligned
// tables, tab-separated columns). Fields are sanitized where they are formatted (Line, Cell); this makes sure
// a message that forgot cannot drive the terminal. Each Write is sanitized on its own, so a rune must not be
// split across writes (fmt, tabwriter and the JSON encoder never do).
func NewWriter(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w       io.Writer
	keepSGR bool // our own colours pass (NewStyledWriter)
}

func (g *writer) Write(p []byte) (int, error) {
	if !g.keepSGR && streamClean(p) {
		return g.w.Write(p)
	}
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); {
		if g.keepSGR {
			if n := sgrLen(string(p[i:min(len(p), i+64)])); n > 0 {
				out = append(out, p[i:i+n]...)
				i += n
				continue
			}
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

func streamClean(p []byte) bool {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if (r == utf8.RuneError && size == 1) || IsControl(r) {
			return false
		}
		i += size
	}
	return true
}
