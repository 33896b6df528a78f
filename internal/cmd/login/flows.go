package login

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/qrcode"
	"github.com/panel-dev/panel/internal/termsafe"
)

// browserSignIn opens (or prints) the authorize URL and finishes with the loopback callback or with the
// redirected address pasted into the terminal, whichever comes first (B1, B2).
func browserSignIn(ctx context.Context, opts *Options, s *auth.Session, lo auth.LoginOptions, lines <-chan string) (*auth.Result, error) {
	bl, err := s.BeginBrowserLogin(ctx, lo)
	if err != nil {
		return nil, err
	}
	defer bl.Close()
	w := opts.IO.ErrOut
	opened := false
	if !opts.NoBrowser {
		err := opts.OpenBrowser(bl.URL())
		opened = err == nil
		if err != nil && !errors.Is(err, auth.ErrNoBrowser) {
			fmt.Fprintln(w, "Could not open a browser:", err)
		}
	}
	if opened {
		fmt.Fprintf(w, "Opened your browser to sign in. If it did not open, visit:\n\n  %s\n\n", termsafe.Line(bl.URL()))
	} else {
		fmt.Fprintf(w, "Open this address in a browser to sign in:\n\n  %s\n\n", termsafe.Line(bl.URL()))
	}
	fmt.Fprintf(w, "Waiting for the sign-in at %s... If the browser is on another machine, its last page cannot load:"+
		" copy the address it shows, paste it here and press Enter.\n", bl.RedirectURI())
	done := make(chan struct{})
	defer close(done)
	go acceptPastedRedirects(bl, lines, done, w)
	return bl.Wait(ctx)
}

// acceptPastedRedirects hands pasted lines to the sign-in until one is accepted or the sign-in ends.
func acceptPastedRedirects(bl *auth.BrowserLogin, lines <-chan string, done <-chan struct{}, w io.Writer) {
	for {
		select {
		case <-done:
			return
		case line, ok := <-lines:
			if !ok {
				return
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			if err := bl.SubmitRedirect(line); err != nil {
				fmt.Fprintf(w, "That address was not accepted (%s); paste the whole address from the address bar.\n",
					termsafe.Line(err.Error()))
				continue
			}
			return
		}
	}
}

// deviceSignIn shows the code, the address and a QR code, then polls (B2 --device).
func deviceSignIn(ctx context.Context, opts *Options, s *auth.Session, lo auth.LoginOptions) (*auth.Result, error) {
	dl, err := s.BeginDeviceLogin(ctx, lo)
	if err != nil {
		return nil, err
	}
	w := opts.IO.ErrOut
	// The address and the code come from WorkOS: shown sanitized; the QR code encodes the exact address.
	fmt.Fprintf(w, "To sign in, open %s on any device and enter the code:\n\n  %s\n\n",
		termsafe.Line(dl.VerificationURI), termsafe.Line(dl.UserCode))
	if qr := qrcode.Render(dl.VerificationURIComplete); qr != "" {
		fmt.Fprintf(w, "Or scan this code, which opens %s:\n\n%s\n", termsafe.Line(dl.VerificationURIComplete), qr)
	}
	fmt.Fprintf(w, "Waiting for the approval (until %s)...\n", dl.ExpiresAt.Local().Format("15:04:05"))
	return dl.Wait(ctx)
}

// chooseOrganization is --organization-id, else a numbered prompt (an id or a number, one line of input).
func chooseOrganization(ctx context.Context, opts *Options, sel *auth.OrganizationSelectionRequired, lines <-chan string) (string, error) {
	if opts.OrganizationID != "" {
		return opts.OrganizationID, nil
	}
	w := opts.IO.ErrOut
	fmt.Fprintln(w, "Choose the organization to sign in to:")
	for i, o := range sel.Organizations {
		fmt.Fprintf(w, "  %d. %s (%s)\n", i+1, termsafe.Line(o.Name), termsafe.Line(o.ID))
	}
	for {
		fmt.Fprint(w, "Number or id: ")
		var line string
		var ok bool
		select {
		case line, ok = <-lines:
		case <-ctx.Done():
			return "", ctx.Err()
		}
		if !ok {
			return "", fmt.Errorf("%w; no choice was read: pass --organization-id <id>", sel)
		}
		if id, found := pickOrganization(sel.Organizations, strings.TrimSpace(line)); found {
			return id, nil
		}
		fmt.Fprintln(w, "Not one of the organizations above.")
	}
}

func pickOrganization(orgs []auth.OrganizationChoice, answer string) (string, bool) {
	if n, err := strconv.Atoi(answer); err == nil && n >= 1 && n <= len(orgs) {
		return orgs[n-1].ID, true
	}
	for _, o := range orgs {
		if answer != "" && (answer == o.ID || strings.EqualFold(answer, o.Name)) {
			return o.ID, true
		}
	}
	return "", false
}

// readLines feeds stdin's lines to a channel, closed at EOF. It reads only as fast as lines are taken.
func readLines(r io.Reader) <-chan string {
	ch := make(chan string)
	if r == nil {
		close(ch)
		return ch
	}
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), 64<<10)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}
