package signin

import (
	"context"
	"io"
	"os"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Result messages carry the attempt they belong to; older ones are dropped.

type browserBegunMsg struct {
	attempt int
	login   *app.BrowserSignIn
	err     error
}

type browserOpenedMsg struct {
	attempt int
	err     error
}

type deviceBegunMsg struct {
	attempt int
	device  *app.DeviceSignIn
	err     error
}

type finishedMsg struct {
	attempt int
	res     *app.SignedIn
	err     error
}

type pastedMsg struct {
	attempt int
	err     error
}

type copiedMsg struct{ err error }

func beginBrowser(ctx context.Context, a common.App, attempt int, o app.SignInOptions) tea.Cmd {
	return func() tea.Msg {
		login, err := a.BeginBrowserSignIn(ctx, o)
		return browserBegunMsg{attempt: attempt, login: login, err: err}
	}
}

func openBrowser(attempt int, url, browser string) tea.Cmd {
	return func() tea.Msg {
		return browserOpenedMsg{attempt: attempt, err: app.OpenBrowser(url, browser)}
	}
}

func waitBrowser(ctx context.Context, login *app.BrowserSignIn, attempt int) tea.Cmd {
	return func() tea.Msg {
		res, err := login.Wait(ctx)
		return finishedMsg{attempt: attempt, res: res, err: err}
	}
}

func submitRedirect(login *app.BrowserSignIn, attempt int, raw string) tea.Cmd {
	return func() tea.Msg {
		return pastedMsg{attempt: attempt, err: login.SubmitRedirect(raw)}
	}
}

func beginDevice(ctx context.Context, a common.App, attempt int, o app.SignInOptions) tea.Cmd {
	return func() tea.Msg {
		d, err := a.BeginDeviceSignIn(ctx, o)
		return deviceBegunMsg{attempt: attempt, device: d, err: err}
	}
}

func waitDevice(ctx context.Context, d *app.DeviceSignIn, attempt int) tea.Cmd {
	return func() tea.Msg {
		res, err := d.Wait(ctx)
		return finishedMsg{attempt: attempt, res: res, err: err}
	}
}

func chooseOrganization(ctx context.Context, a common.App, attempt int, sel *app.OrganizationChoice, orgID string) tea.Cmd {
	return func() tea.Msg {
		res, err := a.ChooseOrganization(ctx, sel, orgID)
		return finishedMsg{attempt: attempt, res: res, err: err}
	}
}

// copyToClipboard writes an OSC 52 sequence: the terminal (even over SSH)
// puts text on the clipboard. It draws nothing on the screen.
func copyToClipboard(w io.Writer, text string) tea.Cmd {
	if w == nil {
		w = os.Stderr
	}
	return func() tea.Msg {
		seq := osc52.New(text)
		if os.Getenv("TMUX") != "" {
			seq = seq.Tmux()
		}
		_, err := seq.WriteTo(w)
		return copiedMsg{err: err}
	}
}
