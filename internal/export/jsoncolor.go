package export

import "bytes"

// JSON colours on a terminal, as the GitHub CLI shows them: keys bold blue, strings green, null grey,
// numbers and booleans cyan; punctuation stays plain.
const (
	sgrKey    = "\x1b[1;34m"
	sgrString = "\x1b[32m"
	sgrNull   = "\x1b[90m"
	sgrScalar = "\x1b[36m"
	sgrReset  = "\x1b[0m"
)

// colorJSON styles encoded JSON (the encoder's output: strings are complete and escaped, no control in it).
func colorJSON(in []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(in); {
		c := in[i]
		switch {
		case c == '"':
			end := stringEnd(in, i)
			style := sgrString
			if isKey(in, end) {
				style = sgrKey
			}
			out.WriteString(style)
			out.Write(in[i:end])
			out.WriteString(sgrReset)
			i = end
		case c == 'n' || c == 't' || c == 'f' || c == '-' || (c >= '0' && c <= '9'):
			end := i
			for end < len(in) && isLiteral(in[end]) {
				end++
			}
			style := sgrScalar
			if c == 'n' {
				style = sgrNull
			}
			out.WriteString(style)
			out.Write(in[i:end])
			out.WriteString(sgrReset)
			i = end
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.Bytes()
}

// stringEnd is the index just past the string that starts at in[i].
func stringEnd(in []byte, i int) int {
	for j := i + 1; j < len(in); j++ {
		switch in[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(in)
}

// isKey reports whether the string ending at end is an object key (a colon follows it).
func isKey(in []byte, end int) bool {
	for j := end; j < len(in); j++ {
		switch in[j] {
		case ' ', '\n', '\t', '\r':
			continue
		case ':':
			return true
		}
		return false
	}
	return false
}

func isLiteral(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'E'
}
