package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// Without a terminal the demo signs in with no browser (panel follows the
// emulator's redirect itself) and prints the session: the path a machine
// with no browser and no TTY takes.
func TestDemoSignsInWithoutBrowserOrTerminal(t *testing.T) {
	t.Setenv(envRunAsPanel, "1") // the demo's BROWSER command re-executes this binary
	t.Setenv("PANEL_CONFIG_DIR", t.TempDir())
	t.Setenv("PANEL_TOKEN", "")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	f := newFactory(ctx)
	f.IO = &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	root := newRootCmd(f)
	root.SetArgs([]string{"demo"})
	if err := root.ExecuteContext(ctx); err != nil {
		t.Fatalf("demo: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "Signed in as alice@example.com (organization org_acme") {
		t.Fatalf("demo output = %q", out.String())
	}
}
