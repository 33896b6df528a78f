package auth

import (
	"strings"

	"github.com/skip2/go-qrcode"
)

// QRCode renders text as a QR code for the terminal, two modules per character cell with half blocks,
// light modules drawn (dark-background terminals; the quiet zone is included). "" when text does not fit.
func QRCode(text string) string {
	q, err := qrcode.New(text, qrcode.Low)
	if err != nil {
		return ""
	}
	bm := q.Bitmap() // true = dark module
	var b strings.Builder
	for y := 0; y < len(bm); y += 2 {
		for x := range bm[y] {
			top := !bm[y][x]
			bottom := y+1 < len(bm) && !bm[y+1][x]
			switch {
			case top && bottom:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bottom:
				b.WriteRune('▄')
			default:
				b.WriteRune(' ')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
