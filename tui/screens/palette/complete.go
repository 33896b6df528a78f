package palette

import (
	"sort"
	"strings"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/logs"
	"github.com/panel-dev/panel/tui/screens/orgs"
)

// argKind is what a command's argument names.
type argKind int

const (
	argNone         argKind = iota
	argOrganization         // :orgs NAME switches to the organization
	argService              // :logs NAME follows the service's logs
)

// The commands that take an argument, by the route they are named after.
var argOf = map[common.Route]argKind{orgs.Route: argOrganization, logs.Route: argService}

// quitCommand is the one command that is not a screen.
const quitCommand = "quit"

// command is a word the palette runs: a screen of the registry (its route's
// name), or quit.
type command struct {
	Name  string
	Help  string
	Route common.Route // "" for quit
	Arg   argKind
}

// commands lists what the palette runs: every screen of the registry that
// has a global key (the ones a user opens from anywhere), then quit.
func commands(reg *common.Registry) []command {
	var out []command
	for _, row := range reg.Rows() {
		if row.Key == "" || row.Route == Route || row.Overlay {
			continue
		}
		out = append(out, command{Name: string(row.Route), Help: row.Help, Route: row.Route, Arg: argOf[row.Route]})
	}
	return append(out, command{Name: quitCommand, Help: "quit panel"})
}

// suggestion is one completion: the whole line it completes to.
type suggestion struct {
	Line string
	Help string
}

// names are the arguments known so far.
type names struct {
	Organizations []string
	Services      []string
}

// parsed is a line split into its command word and argument.
type parsed struct {
	Word, Arg string
	HasArg    bool // a space follows the word: the argument is being typed
}

func parse(line string) parsed {
	line = strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(line, " "), ":"), " ")
	word, arg, has := strings.Cut(line, " ")
	return parsed{Word: strings.ToLower(word), Arg: strings.TrimSpace(arg), HasArg: has}
}

// find returns the command named word, or the only one it begins.
func find(cmds []command, word string) (command, bool) {
	var prefixed []command
	for _, c := range cmds {
		if c.Name == word {
			return c, true
		}
		if word != "" && strings.HasPrefix(c.Name, word) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], true
	}
	return command{}, false
}

// suggest completes line: command words while the first word is typed, then
// the organization or service names of the command's argument.
func suggest(line string, cmds []command, n names) []suggestion {
	p := parse(line)
	if !p.HasArg {
		var out []suggestion
		for _, c := range matching(p.Word, commandNames(cmds)) {
			cmd, _ := find(cmds, c)
			out = append(out, suggestion{Line: c, Help: cmd.Help})
		}
		return out
	}
	cmd, ok := find(cmds, p.Word)
	if !ok {
		return nil
	}
	var pool []string
	switch cmd.Arg {
	case argOrganization:
		pool = n.Organizations
	case argService:
		pool = n.Services
	default:
		return nil
	}
	var out []suggestion
	for _, name := range matching(p.Arg, pool) {
		out = append(out, suggestion{Line: cmd.Name + " " + name})
	}
	return out
}

func commandNames(cmds []command) []string {
	out := make([]string, len(cmds))
	for i, c := range cmds {
		out[i] = c.Name
	}
	return out
}

// matching returns the candidates that begin with typed, then those that
// contain it (case-insensitive), each group in its own order.
func matching(typed string, candidates []string) []string {
	typed = strings.ToLower(typed)
	var prefix, inside []string
	for _, c := range candidates {
		lc := strings.ToLower(c)
		switch {
		case strings.HasPrefix(lc, typed):
			prefix = append(prefix, c)
		case strings.Contains(lc, typed):
			inside = append(inside, c)
		}
	}
	return append(prefix, inside...)
}

// uniqueSorted drops duplicates and sorts names.
func uniqueSorted(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
