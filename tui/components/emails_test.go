package components

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func feedEmails(e Emails, msgs ...tea.Msg) (Emails, EmailsAction) {
	var act EmailsAction
	for _, m := range msgs {
		e, _, act = e.Update(m)
	}
	return e, act
}

func TestEmailsEveryKeyIsText(t *testing.T) {
	e, _ := NewEmails(testTheme())
	e, act := feedEmails(e, typeText("quinn@example.com")...)
	if got := e.Lines()[0].Text; got != "quinn@example.com" || act != EmailsEditing {
		t.Fatalf("typed %q (%v)", got, act)
	}
}

func TestEmailsPasteSplitsAndBadLineIsReportedOnItsOwn(t *testing.T) {
	e, _ := NewEmails(testTheme())
	paste := tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(" Carol@Example.com, not-an-email\nfrank@example.org")}
	e, _ = feedEmails(e, paste)
	if n := len(e.Lines()); n != 3 {
		t.Fatalf("paste made %d lines: %+v", n, e.Lines())
	}
	e, act := feedEmails(e, tea.KeyMsg{Type: tea.KeyCtrlS})
	if act != EmailsSubmit {
		t.Fatalf("ctrl+s: %v", act)
	}
	pending := e.Pending()
	if strings.Join(pending, ",") != "carol@example.com,frank@example.org" {
		t.Fatalf("pending %v", pending)
	}
	if l := e.Lines()[1]; l.Err == "" {
		t.Fatalf("bad line has no error: %+v", l)
	}
	e.MarkSent("carol@example.com")
	e.MarkFailed("frank@example.org", "already a member")
	v := e.View()
	for _, want := range []string{"✓ sent", "✗ not a valid email", "✗ already a member", "1 sent, 2 not sent"} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	// Fixing the bad line sends only what was not sent yet.
	e, _ = feedEmails(e, keyOf(tea.KeyUp))
	e, _ = feedEmails(e, repeat(keyOf(tea.KeyBackspace), len("not-an-email"))...)
	e, _ = feedEmails(e, typeText("grace@example.com")...)
	if got := e.Pending(); strings.Join(got, ",") != "grace@example.com,frank@example.org" {
		t.Fatalf("second round pending %v", got)
	}
}

func TestEmailsDuplicatesAndEmptyLines(t *testing.T) {
	e, _ := NewEmails(testTheme())
	e, _ = feedEmails(e, append(typeText("a@example.com"), keyOf(tea.KeyEnter), keyOf(tea.KeyEnter))...)
	e, _ = feedEmails(e, typeText("A@example.com")...)
	if got := e.Pending(); len(got) != 1 {
		t.Fatalf("pending %v", got)
	}
	if l := e.Lines()[2]; l.Err != "listed twice" {
		t.Fatalf("duplicate line %+v", l)
	}
	if _, act := feedEmails(e, keyOf(tea.KeyEsc)); act != EmailsCancel {
		t.Fatal("esc does not cancel")
	}
}

func repeat(m tea.Msg, n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = m
	}
	return out
}
