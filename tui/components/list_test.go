package components

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

type org struct{ name, id string }

func orgList(filterFirst bool) List[org] {
	l := NewList(testTheme(), ListOptions[org]{
		Noun:        "organizations",
		Empty:       "No organizations yet: press ctrl+n to create one.",
		Text:        func(o org) string { return o.name + " " + o.id },
		Key:         func(o org) string { return o.id },
		Row:         func(o org, sel bool, w int) string { return fmt.Sprintf("%v %s", sel, o.name) },
		FilterFirst: filterFirst,
		Select:      "switch",
	})
	l.SetSize(80, 10)
	return l
}

func demoOrgs() []org {
	return []org{{"acme", "org_acme"}, {"globex", "org_globex"}, {"initech", "org_initech"}, {"quantum", "org_quantum"}}
}

func feed(t *testing.T, l List[org], msgs ...tea.Msg) (List[org], Action) {
	t.Helper()
	var act Action
	for _, m := range msgs {
		l, _, act = l.Update(m)
	}
	return l, act
}

func TestListStates(t *testing.T) {
	l := orgList(false)
	if cmd := l.StartLoading(); cmd == nil {
		t.Fatal("loading starts no spinner tick")
	}
	if v := l.View(); !strings.Contains(v, "Loading organizations") {
		t.Fatalf("loading view: %q", v)
	}
	l.SetError("the server did not answer")
	if v := l.View(); !strings.Contains(v, "the server did not answer") || !strings.Contains(v, "r to retry") {
		t.Fatalf("error view: %q", v)
	}
	if _, act := feed(t, l, runeKey('r')); act != ActionRetry {
		t.Fatalf("r in error state: %v", act)
	}
	l.SetError("")
	l.Done()
	if v := l.View(); !strings.Contains(v, "ctrl+n to create") {
		t.Fatalf("empty view: %q", v)
	}
	if _, act := feed(t, l, runeKey('r')); act != ActionIgnored {
		t.Fatalf("r without an error should be left to the screen: %v", act)
	}
	l.SetSize(20, 10)
	if v := l.View(); !strings.Contains(v, "Too narrow") {
		t.Fatalf("narrow view: %q", v)
	}
}

func TestListFilterTakesEveryKeyAsText(t *testing.T) {
	l := orgList(false)
	l.SetItems(demoOrgs())
	l, _ = feed(t, l, runeKey('/'))
	if !l.FilterFocused() {
		t.Fatal("/ does not focus the filter")
	}
	l, act := feed(t, l, typeText("qj k")...)
	if l.FilterValue() != "qj k" || act != ActionFilterChanged {
		t.Fatalf("filter = %q (%v), want every key as text", l.FilterValue(), act)
	}
	l, _ = feed(t, l, keyOf(tea.KeyEsc))
	if l.FilterValue() != "" || l.Shown() != 4 {
		t.Fatalf("esc should clear: %q shown %d", l.FilterValue(), l.Shown())
	}
	l, _ = feed(t, l, typeText("glx")...)
	if got, _ := l.Selected(); l.Shown() != 1 || got.id != "org_globex" {
		t.Fatalf("glx: shown %d selected %v", l.Shown(), got)
	}
	l, _ = feed(t, l, keyOf(tea.KeyEnter))
	if l.FilterFocused() || l.FilterValue() != "glx" {
		t.Fatal("enter should keep the filter and give keys back to the list")
	}
	if _, act := feed(t, l, keyOf(tea.KeyEnter)); act != ActionSelect {
		t.Fatalf("enter on the list: %v", act)
	}
}

func TestListFilterFirstSelectsAndMatchesIDs(t *testing.T) {
	l := orgList(true)
	l.SetItems(demoOrgs())
	l, _ = feed(t, l, typeText("org_ini")...)
	if got, _ := l.Selected(); got.name != "initech" {
		t.Fatalf("filter by id selected %v", got)
	}
	if _, act := feed(t, l, keyOf(tea.KeyEnter)); act != ActionSelect {
		t.Fatalf("enter in a switcher filter: %v", act)
	}
	l.SetFilter("")
	if _, act := feed(t, l, keyOf(tea.KeyEsc)); act != ActionIgnored {
		t.Fatalf("esc on an empty switcher filter should go back: %v", act)
	}
	l, _ = feed(t, l, keyOf(tea.KeyDown), keyOf(tea.KeyDown))
	if got, _ := l.Selected(); got.name != "initech" {
		t.Fatalf("arrows move while typing: %v", got)
	}
}

func TestListKeepsCursorWhenItemsArrive(t *testing.T) {
	l := orgList(false)
	l.SetItems(demoOrgs()[:2])
	l, _ = feed(t, l, runeKey('j'))
	more := append([]org{{"aaa", "org_aaa"}}, demoOrgs()...)
	l.SetItems(more)
	if got, _ := l.Selected(); got.id != "org_globex" {
		t.Fatalf("cursor moved to %v", got)
	}
}

func TestListScrollsAndDrawsOnlyVisibleRows(t *testing.T) {
	l := orgList(false)
	var many []org
	for i := range 100 {
		many = append(many, org{fmt.Sprintf("org-%03d", i), fmt.Sprintf("org_%03d", i)})
	}
	l.SetItems(many)
	l, _ = feed(t, l, runeKey('G'))
	v := l.View()
	if !strings.Contains(v, "true org-099") || strings.Contains(v, "org-000") {
		t.Fatalf("bottom view: %q", v)
	}
	if lines := strings.Count(v, "\n") + 1; lines > 10 {
		t.Fatalf("view has %d lines, box is 10", lines)
	}
}

func TestListWithoutSelectIgnoresEnterAndDoesNotOfferIt(t *testing.T) {
	l := NewList(testTheme(), ListOptions[org]{Noun: "members", Text: func(o org) string { return o.name },
		Row: func(o org, sel bool, w int) string { return o.name }})
	l.SetItems(demoOrgs())
	if _, act := feed(t, l, keyOf(tea.KeyEnter)); act != ActionIgnored {
		t.Fatalf("enter with nothing to do: %v", act)
	}
	for _, b := range l.ShortHelp() {
		if b.Enabled() && b.Help().Key == "enter" {
			t.Fatalf("enter is offered: %q", b.Help().Desc)
		}
	}
}

func TestListCountsInTheSingular(t *testing.T) {
	l := orgList(false)
	l.SetItems(demoOrgs()[:1])
	if v := l.View(); !strings.Contains(v, "1 organization\n") && !strings.HasSuffix(v, "1 organization") {
		t.Fatalf("one item:\n%s", v)
	}
	l.SetItems(demoOrgs())
	l.SetFilter("acme")
	if v := l.View(); !strings.Contains(v, "1 of 4 organizations") {
		t.Fatalf("one of four shown:\n%s", v)
	}
}
