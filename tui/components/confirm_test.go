package components

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/theme"
)

func TestConfirm(t *testing.T) {
	c := NewConfirm(testTheme(), "Remove bob@example.com?")
	if _, r := c.Update(runeKey('q')); r != ModalOpen {
		t.Fatalf("q: %v", r)
	}
	if _, r := c.Update(runeKey('y')); r != ModalConfirmed {
		t.Fatalf("y: %v", r)
	}
	if _, r := c.Update(keyOf(tea.KeyEsc)); r != ModalCanceled {
		t.Fatalf("esc: %v", r)
	}
}

func TestTypeConfirmNeedsTheExactText(t *testing.T) {
	m, _ := NewTypeConfirm(testTheme(), "Leave acme?", "acme")
	var r ModalResult
	for _, k := range typeText("acmq") {
		m, _, r = m.Update(k)
	}
	if m.Value() != "acmq" || r != ModalOpen {
		t.Fatalf("value %q (%v)", m.Value(), r)
	}
	if m, _, r = m.Update(keyOf(tea.KeyEnter)); r != ModalOpen {
		t.Fatal("wrong text confirmed")
	}
	m, _, _ = m.Update(keyOf(tea.KeyBackspace))
	m, _, _ = m.Update(runeKey('e'))
	if _, _, r = m.Update(keyOf(tea.KeyEnter)); r != ModalConfirmed {
		t.Fatalf("exact text: %v", r)
	}
}

func TestConfirmDefaultsToNo(t *testing.T) {
	c := NewConfirm(testTheme(), "Remove bob@example.com?")
	if _, r := c.Update(keyOf(tea.KeyEnter)); r != ModalCanceled {
		t.Fatalf("enter on a destructive question: %v, want no", r)
	}
	if v := c.View(); !strings.Contains(v, "enter no") {
		t.Fatalf("the question does not say enter is no:\n%s", v)
	}
}

func TestTypeConfirmPlaceholderWithoutColourIsNotText(t *testing.T) {
	m, _ := NewTypeConfirm(theme.New(true), "Leave acme?", "acme")
	if v := m.View(); !strings.Contains(v, "> (acme)") {
		t.Fatalf("without colour the placeholder must not look typed:\n%s", v)
	}
}
