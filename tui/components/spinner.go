package components

import (
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/panel-dev/panel/tui/theme"
)

// NewSpinner returns the spinner every loading state uses. Its ticks carry
// the spinner's own id, so two spinners on screen never speed each other up.
func NewSpinner(th *theme.Theme) spinner.Model {
	return spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(th.Accent))
}
