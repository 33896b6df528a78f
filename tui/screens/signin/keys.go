package signin

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/tui/common"
)

type keyMap struct {
	Start  key.Binding
	SignUp key.Binding
	// Other signs in as someone else: the browser's AuthKit session is not reused (prompt=login).
	Other  key.Binding
	Device key.Binding
	Copy   key.Binding
	Paste  key.Binding
	Submit key.Binding
	Cancel key.Binding
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
	// Invitation goes back to the invitation landing when `next` is one.
	Invitation key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Start:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "sign in with the browser")),
		SignUp:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign up")),
		Other:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "sign in as someone else")),
		Device:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "device code")),
		Copy:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy URL")),
		Paste:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "paste the redirect")),
		Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Invitation: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "the invitation")),
	}
}

// update enables the keys that make sense in the current phase: a disabled
// binding neither fires nor shows.
func (k *keyMap) update(m *Model) {
	idle := m.phase == phaseIdle
	browser := m.phase == phaseBrowser
	pasting := browser && m.paste.Focused()
	k.Start.SetEnabled(idle)
	k.SignUp.SetEnabled(idle)
	k.Other.SetEnabled(idle)
	k.Device.SetEnabled(idle || (browser && !pasting))
	k.Copy.SetEnabled((browser && !pasting) || m.phase == phaseDevice)
	k.Paste.SetEnabled(browser && !pasting)
	k.Submit.SetEnabled(pasting)
	k.Cancel.SetEnabled(!idle)
	pick := m.phase == phasePickOrg
	k.Up.SetEnabled(pick)
	k.Down.SetEnabled(pick)
	k.Choose.SetEnabled(pick)
	k.Invitation.SetEnabled(idle && m.opts.Next.Name() == common.RouteInvitation)
}
