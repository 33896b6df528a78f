// Package qrcode draws a QR code with text, for the device sign-in (B2) in
// the CLI and in the TUI: a phone scans it to open the verification address.
// The encoding and the drawing are mdp/qrterminal's (rsc.io/qr underneath).
package qrcode

import (
	"strings"

	"github.com/mdp/qrterminal/v3"
	"rsc.io/qr"
)

// quietZone is the light margin around the code, in modules (the QR
// standard's four).
const quietZone = 4

// Render draws text as a QR code at error-correction level L, two modules
// per character cell in half blocks, the light modules drawn (a terminal's
// background is usually dark) with the quiet zone included. It returns ""
// when text does not fit in a QR code.
func Render(text string) string {
	if _, err := qr.Encode(text, qr.L); err != nil {
		return "" // qrterminal does not check: too long a text would panic there
	}
	var b strings.Builder
	qrterminal.GenerateWithConfig(text, qrterminal.Config{
		Level:          qr.L,
		Writer:         &b,
		HalfBlocks:     true,
		WhiteChar:      qrterminal.WHITE_WHITE,
		BlackChar:      qrterminal.BLACK_BLACK,
		WhiteBlackChar: qrterminal.WHITE_BLACK,
		BlackWhiteChar: qrterminal.BLACK_WHITE,
		QuietZone:      quietZone,
	})
	return b.String()
}
