package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// ErrorMsg enters the one error funnel (see the package doc). Stamp, when
// set, lets the root drop an error of a request from an older generation.
type ErrorMsg struct {
	Err   error
	Stamp Stamp
}

// ReportError returns a command that sends err to the funnel; nil is no-op.
func ReportError(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return msgCmd(ErrorMsg{Err: err})
}

// ReportStampedError is ReportError for the result of a stamped request.
func ReportStampedError(s Stamp, err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return msgCmd(ErrorMsg{Err: err, Stamp: s})
}

// Level is how a status line message is styled.
type Level int

// The levels, from plain to alarming.
const (
	LevelInfo Level = iota
	LevelSuccess
	LevelWarning
	LevelError
)

// StatusMsg puts a line on the status bar; it clears itself after a while.
type StatusMsg struct {
	Text  string
	Level Level
	// For is how long it stays (0: a few seconds; negative: until replaced).
	For time.Duration
}

// Status returns a command that shows an informational status line.
func Status(text string) tea.Cmd { return msgCmd(StatusMsg{Text: text}) }

// Success returns a command that shows a success status line.
func Success(text string) tea.Cmd { return msgCmd(StatusMsg{Text: text, Level: LevelSuccess}) }

// Warn returns a command that shows a warning status line (429 back-off...).
func Warn(text string) tea.Cmd { return msgCmd(StatusMsg{Text: text, Level: LevelWarning}) }

// Joined says that accepting an invitation also switched organization: the
// user acts in the new one from now on, and must not miss it (was: the
// organization before, "" none).
func Joined(org, was string) tea.Cmd {
	text := "Joined " + org + " and switched to it"
	if was != "" && was != org {
		text += " (was " + was + ")"
	}
	return Success(text + ".")
}

// OrgName is the current organization's name ("" unknown).
func (c *Context) OrgName() string {
	if c.Org != nil {
		return c.Org.Name
	}
	return ""
}
