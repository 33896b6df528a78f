package invitations

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Tab     key.Binding
	Status  key.Binding
	New     key.Binding
	Resend  key.Binding
	Revoke  key.Binding
	Accept  key.Binding
	Decline key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Tab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "sent/received")),
		Status:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status filter")),
		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "invite")),
		Resend:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resend")),
		Revoke:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "revoke")),
		Accept:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		Decline: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decline")),
	}
}

// enabled returns the bindings of the tab shown, enabled as they work now.
func (m *Model) enabled() keyMap {
	k := m.keys
	_, selected := m.list().Selected()
	sent, received := m.tab == Sent, m.tab == Received
	k.Status.SetEnabled(sent)
	k.New.SetEnabled(sent)
	k.Resend.SetEnabled(sent && selected && m.sent.Err() == "")
	k.Revoke.SetEnabled(sent && selected)
	k.Accept.SetEnabled(received && selected)
	k.Decline.SetEnabled(received && selected)
	return k
}

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.emails != nil:
		return m.emails.ShortHelp()
	case m.ask != nil:
		return m.ask.ShortHelp()
	case m.list().FilterFocused():
		return m.list().ShortHelp()
	}
	k := m.enabled()
	own := []key.Binding{k.Tab, k.New, k.Resend, k.Revoke, k.Status, k.Accept, k.Decline}
	return append(own, m.list().ShortHelp()...)
}

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.enabled()
	return append([][]key.Binding{{k.Tab, k.New, k.Resend, k.Revoke, k.Status}, {k.Accept, k.Decline}},
		m.list().FullHelp()...)
}
