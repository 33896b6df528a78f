package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/auth"
)

// BrowserCommand is the hidden command the demo uses as its BROWSER: it
// "opens" a sign-in URL by following its redirects, loopback hosts only.
const BrowserCommand = "__demo-browser"

// NewCmdBrowser returns the hidden command the demo uses as its BROWSER.
func NewCmdBrowser() *cobra.Command {
	return &cobra.Command{
		Use:    BrowserCommand + " URL",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE:   func(cmd *cobra.Command, args []string) error { return followLoopback(cmd.Context(), args[0]) },
	}
}

func demoLoginOptions() auth.LoginOptions { return auth.LoginOptions{Timeout: 30 * time.Second} }

// runBrowserCommand runs the BROWSER command the way auth.OpenBrowser does.
func runBrowserCommand(browser, u string) error {
	return auth.OpenBrowser(u, browser)
}

// followLoopback GETs u and follows redirects while they stay on loopback
// hosts: the emulator's instant sign-in redirects to panel's own callback.
func followLoopback(ctx context.Context, raw string) error {
	client := &http.Client{
		Timeout: 30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > 5 {
				return errors.New("too many redirects")
			}
			return requireLoopback(req.URL)
		},
	}
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if err := requireLoopback(u); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 400 {
		return fmt.Errorf("sign-in page answered %s", resp.Status)
	}
	return nil
}

func requireLoopback(u *url.URL) error {
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || strings.EqualFold(host, "localhost") {
		return nil
	}
	return fmt.Errorf("the demo browser only follows loopback URLs, not %s", host)
}
