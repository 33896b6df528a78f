package screentest

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/teadriver"
	"github.com/panel-dev/panel/tui/common"
)

// Driver drives one screen with the one model driver (internal/teadriver),
// standing in for the root: it sizes the screen, and keeps the messages meant
// for the root (navigation, status, errors, switch requests) in ToRoot
// instead of giving them to the screen. Send gives a message to the screen
// itself, whatever it is (the root's broadcasts).
type Driver struct {
	*teadriver.Driver
	Screen common.Screen

	mu     sync.Mutex
	ToRoot []tea.Msg
}

// Start inits screen and returns its driver.
func Start(t testing.TB, s common.Screen) *Driver {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	d := &Driver{Screen: s}
	d.Driver = teadriver.New(done, screenModel{d})
	d.T = t
	d.Intercept = d.toRoot
	d.Driver.Start(Width, Height)
	return d
}

// WaitRoot waits for a message to the root that matches pred and returns it.
func (d *Driver) WaitRoot(what string, pred func(tea.Msg) bool) tea.Msg {
	d.T.Helper()
	var found tea.Msg
	d.WaitFor(what, func() bool {
		for _, m := range d.Root() {
			if pred(m) {
				found = m
				return true
			}
		}
		return false
	})
	return found
}

// Root returns the messages meant for the root so far.
func (d *Driver) Root() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]tea.Msg(nil), d.ToRoot...)
}

func (d *Driver) toRoot(msg tea.Msg) bool {
	if !forRoot(msg) {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.ToRoot = append(d.ToRoot, msg)
	return true
}

// forRoot reports the messages of tui/common's protocol that the root handles.
func forRoot(msg tea.Msg) bool {
	if _, ok := msg.(tea.QuitMsg); ok {
		return true
	}
	t := reflect.TypeOf(msg)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == reflect.TypeOf(common.BackMsg{}).PkgPath() && !strings.HasPrefix(t.Name(), "Result")
}

// screenModel is the screen as a tea.Model: the size comes as SetSize, as
// the root gives it.
type screenModel struct{ d *Driver }

func (s screenModel) Init() tea.Cmd { return s.d.Screen.Init() }

func (s screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		s.d.Screen.SetSize(size.Width, size.Height)
		return s, nil
	}
	var cmd tea.Cmd
	s.d.Screen, cmd = s.d.Screen.Update(msg)
	return s, cmd
}

func (s screenModel) View() string { return s.d.Screen.View() }
