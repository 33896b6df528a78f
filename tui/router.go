package tui

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Results are addressed to the screen that asked. Every command a screen
// returns (from Init, Update, or a call of the root such as Begin) leaves
// through from(): its message comes back sealed in an envelope that names
// the screen and the organization generation the command started in. The
// root opens envelopes in Update:
//   - a message for the root (navigation, status, errors, switch requests)
//     is handled as any other; an error of an older generation is dropped;
//   - anything else is a result: it goes to that screen alone, and only if
//     the screen is still on the stack and no switch, sign-in or sign-out
//     happened since (route).
//
// A screen never sees another screen's results, nor its own from before a
// switch, even when it forgets to check a stamp. Stamps stay useful inside a
// screen (the newest of two loads wins). Broadcast is only for what every
// screen must know: IdentityMsg and OrgSwitchedMsg (and the size, which the
// root sets). Bubble Tea's own messages (quit, batches, sequences) pass
// unsealed, their commands sealed one by one.

// envelope is a screen command's message on its way back.
type envelope struct {
	to  screenID
	gen common.Generation
	msg tea.Msg
}

// from seals the messages of cmd, a command of the screen id.
func (m *Model) from(id screenID, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return seal(id, m.ctx.Generation(), cmd)
}

func seal(id screenID, gen common.Generation, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg { return sealed(id, gen, cmd()) }
}

var (
	cmdType    = reflect.TypeFor[tea.Cmd]()
	programPkg = reflect.TypeFor[tea.QuitMsg]().PkgPath()
)

func sealed(id screenID, gen common.Generation, msg tea.Msg) tea.Msg {
	if msg == nil {
		return nil
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		// tea.Batch and tea.Sequence: the program runs the commands, each sealed.
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(seal(id, gen, c)))
		}
		return out.Interface()
	}
	if v.Type().PkgPath() == programPkg {
		return msg // the program's own (quit, window title…): it must see them as they are
	}
	return envelope{to: id, gen: gen, msg: msg}
}

// route gives a screen its result: dropped when the screen left the stack
// or the generation changed since its command started.
func (m *Model) route(e envelope) tea.Cmd {
	if e.gen != m.ctx.Generation() {
		return nil
	}
	return m.deliver(e.to, e.msg)
}

// deliver gives msg to the screen id, if it is still on the stack.
func (m *Model) deliver(id screenID, msg tea.Msg) tea.Cmd {
	for i := range m.stack {
		if m.stack[i].id == id {
			return m.update(i, msg)
		}
	}
	return nil
}
