package auth

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/config"
)

// The default config directory keeps the plain (panel, <profile>) item; any other directory gets its own
// item, the same one for every spelling of the same directory. The default is computed the way
// internal/config lays out profiles: this test pins the two together.
func TestKeychainItemFollowsTheConfigDirectory(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("PANEL_CONFIG_DIR", "")
	if err := os.Unsetenv("PANEL_CONFIG_DIR"); err != nil {
		t.Fatal(err)
	}
	for _, profile := range []string{"default", "staging"} {
		cfg, err := config.Load(config.Overrides{Profile: profile})
		if err != nil {
			t.Fatal(err)
		}
		if got := keychainItem(profile, cfg.ProfileDir()); got != profile {
			t.Errorf("default config dir, profile %s: item %q, want the plain profile name", profile, got)
		}
	}

	other := t.TempDir()
	t.Setenv("PANEL_CONFIG_DIR", other)
	cfg, err := config.Load(config.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	item := keychainItem(cfg.Profile, cfg.ProfileDir())
	if !strings.HasPrefix(item, "default@") || len(item) != len("default@")+12 {
		t.Fatalf("item of another config dir = %q, want default@<12 hex>", item)
	}
	t.Chdir(other)
	if again := keychainItem("default", filepath.Join(".", "profiles", "..", "profiles", "default")); again != item {
		t.Errorf("the same directory spelled another way got item %q, want %q", again, item)
	}
	if third := keychainItem("default", filepath.Join(t.TempDir(), "profiles", "default")); third == item {
		t.Error("two config directories share a keychain item")
	}
}

// Two config directories with the same profile name keep separate sessions in the real keychain (they
// have separate session locks), and two processes of one directory share theirs.
func TestKeychainSessionsOfTwoConfigDirectoriesAreSeparate(t *testing.T) {
	requireSecretService(t)
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	profile := "test-isolated-" + randomString(6)
	optsIn := func(configDir string) Options {
		return Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, Profile: profile,
			ProfileDir: filepath.Join(configDir, "profiles", profile)}
	}
	dirA, dirB := t.TempDir(), t.TempDir()
	a, _ := NewSession(optsIn(dirA))
	signInByPaste(t, ctx, a, "alice@example.com")
	defer logoutAfter(t, ctx, a)

	b, _ := NewSession(optsIn(dirB))
	if _, err := b.Info(ctx); !errors.Is(err, ErrLoginRequired) {
		t.Fatalf("a profile of another config directory sees the session: %v", err)
	}
	signInByPaste(t, ctx, b, "bob@example.com")
	defer logoutAfter(t, ctx, b)

	for dir, want := range map[string]string{dirA: "alice@example.com", dirB: "bob@example.com"} {
		again, _ := NewSession(optsIn(dir)) // another process of the same directory
		info, err := again.Info(ctx)
		if err != nil || info.Email != want {
			t.Errorf("%s: Info = %+v, %v; want %s", dir, info, err, want)
		}
		if !strings.Contains(info.StorageReason, profile+"@") {
			t.Errorf("storage reason does not name the item: %s", info.StorageReason)
		}
	}
}

// signInByPaste signs in the way a remote browser does: the redirect address pasted back.
func signInByPaste(t *testing.T, ctx context.Context, s *Session, email string) {
	t.Helper()
	bl, err := s.BeginBrowserLogin(ctx, LoginOptions{Email: email})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noFollow.Get(bl.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if err := bl.SubmitRedirect(res.Header.Get("Location")); err != nil {
		t.Fatal(err)
	}
	if _, err := bl.Wait(ctx); err != nil {
		t.Fatal(err)
	}
}

// logoutAfter signs s out at the end of a test, so that its keychain item does not outlive the test.
func logoutAfter(t *testing.T, ctx context.Context, s *Session) {
	t.Helper()
	if _, err := s.Logout(ctx); err != nil {
		t.Errorf("sign out after the test: %v", err)
	}
}
