package components

import (
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/theme"
)

// RowName is the first column of a list row: text from the server,
// sanitized and padded to width, highlighted on the selected row.
func RowName(th *theme.Theme, text string, width int, selected bool) string {
	cell := termsafe.Pad(text, width)
	if selected {
		return th.Selected.Render(cell)
	}
	return th.Text.Render(cell)
}
