package components

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/theme"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func testTheme() *theme.Theme { return theme.New(true) }

// typeText returns the key messages that type s, one rune at a time.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		if r == ' ' {
			out = append(out, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

func runeKey(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }
