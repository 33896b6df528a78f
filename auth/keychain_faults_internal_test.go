package auth

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// The keychain fault matrix on Linux, each case a real D-Bus session bus of its own (dbus-daemon with no
// service activation) and a helper process that asks for the stored session: every case ends in a
// *KeychainError that names the cause and offers --insecure-storage, immediately or at the 3 s timeout.
// The no-bus and silent-socket cases are in keychain_internal_test.go.

// A session bus on which no Secret Service runs (a desktop without gnome-keyring or KeePassXC).
func TestKeychainBusWithoutSecretService(t *testing.T) {
	bus := privateBus(t)
	out := keychainHelper(t, bus)
	t.Logf("bus without a Secret Service: %s after %s", out.Error, out.Elapsed)
	assertKeychainError(t, out, false, "no Secret Service")
}

// A locked login collection with nobody to type the password (headless): gnome-keyring refuses to unlock.
func TestLockedKeychainIsAClearError(t *testing.T) {
	bus := privateBus(t)
	startKeyring(t, bus)
	conn := busConn(t, bus)
	login := dbus.ObjectPath("/org/freedesktop/secrets/collection/login")
	var locked []dbus.ObjectPath
	var prompt dbus.ObjectPath
	if err := conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets").
		Call("org.freedesktop.Secret.Service.Lock", 0, []dbus.ObjectPath{login}).Store(&locked, &prompt); err != nil {
		t.Fatalf("lock the login collection: %v", err)
	}
	v, err := conn.Object("org.freedesktop.secrets", login).GetProperty("org.freedesktop.Secret.Collection.Locked")
	if err != nil || v.Value() != true {
		t.Fatalf("the login collection is not locked: %v %v", v, err)
	}
	out := keychainHelper(t, bus)
	t.Logf("locked keychain: %s after %s", out.Error, out.Elapsed)
	assertKeychainError(t, out, false, "locked")
}

// A Secret Service that takes the call and never answers (a locked keychain showing an unlock dialog on a
// screen nobody looks at): the call is abandoned at the keychain timeout.
func TestSecretServiceThatNeverAnswers(t *testing.T) {
	bus := privateBus(t)
	conn := busConn(t, bus)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	if err := conn.Export(silentSecretService{release}, "/org/freedesktop/secrets", "org.freedesktop.Secret.Service"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own org.freedesktop.secrets: %v %v", reply, err)
	}
	out := keychainHelper(t, bus)
	t.Logf("silent Secret Service: %s after %s", out.Error, out.Elapsed)
	assertKeychainError(t, out, true, "did not answer within 3s")
}

// silentSecretService takes go-keyring's calls (Unlock comes first on a read, OpenSession on a write)
// and answers only when the test ends.
type silentSecretService struct{ release chan struct{} }

func (s silentSecretService) Unlock([]dbus.ObjectPath) ([]dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return nil, "/", dbus.MakeFailedError(os.ErrClosed)
}

func (s silentSecretService) OpenSession(string, dbus.Variant) (dbus.Variant, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return dbus.MakeVariant(""), "/", dbus.MakeFailedError(os.ErrClosed)
}

func assertKeychainError(t *testing.T, out helperResult, timedOut bool, cause string) {
	t.Helper()
	if !out.Keychain || out.TimedOut != timedOut {
		t.Fatalf("helper = %+v, want a keychain error (timed out: %v)", out, timedOut)
	}
	for _, want := range []string{cause, "--insecure-storage", "PANEL_INSECURE_STORAGE"} {
		if !strings.Contains(out.Error, want) {
			t.Errorf("error %q does not say %q", out.Error, want)
		}
	}
}

// requireTool skips without the program (fails under CI=true, where scripts/test.sh installs it).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing under CI=true", name)
	}
	t.Skipf("%s is missing (apt-get install dbus gnome-keyring)", name)
	return ""
}

// privateBus starts a session bus of its own, without service activation (nothing starts behind the
// test's back), and returns its address. It stops with the test.
func privateBus(t *testing.T) string {
	t.Helper()
	daemon := requireTool(t, "dbus-daemon")
	dir := t.TempDir()
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=`+filepath.Join(dir, "bus")+`</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(daemon, "--config-file="+conf, "--nofork", "--print-address=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	return strings.TrimSpace(addr)
}

// startKeyring runs gnome-keyring's Secret Service on bus with a throwaway, unlocked login collection.
func startKeyring(t *testing.T, bus string) {
	t.Helper()
	daemon := requireTool(t, "gnome-keyring-daemon")
	dir := t.TempDir()
	for _, d := range []string{"home", "data", "run"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(daemon, "--foreground", "--unlock", "--components=secrets")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + filepath.Join(dir, "home"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_RUNTIME_DIR=" + filepath.Join(dir, "run"),
		"DBUS_SESSION_BUS_ADDRESS=" + bus}
	cmd.Stdin = strings.NewReader(randomString(18)) // the login keyring's password, never typed again
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	conn := busConn(t, bus)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var owned bool
		err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.freedesktop.secrets").Store(&owned)
		if err == nil && owned {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gnome-keyring-daemon never took org.freedesktop.secrets: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func busConn(t *testing.T, bus string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(bus)
	if err != nil {
		t.Fatalf("connect to %s: %v", bus, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// A keychain item that is not a session (another program's, a hand edit): a clear error saying to sign in
// again, and the next sign-in replaces it.
func TestCorruptKeychainItem(t *testing.T) {
	requireSecretService(t)
	k := keyringStore{item: "test-corrupt-" + randomString(6)}
	t.Cleanup(func() {
		if err := k.clear(nil); err != nil {
			t.Errorf("remove the test item from the keychain: %v", err)
		}
	})
	for _, junk := range []string{"not json", `{"refresh_token":""}`, `{"v":1`} {
		if err := k.set(k.item, junk); err != nil {
			t.Fatal(err)
		}
		rec, err := k.loadRecord()
		var unreadable *UnreadableSessionError
		if rec != nil || !errors.As(err, &unreadable) || strings.Contains(err.Error(), junk) {
			t.Errorf("item %q: loadRecord = %+v, %v", junk, rec, err)
		}
	}
	if err := k.saveRecord(&record{Version: 1, RefreshToken: "rt", SessionID: "s"}); err != nil {
		t.Fatal(err)
	}
	if rec, err := k.loadRecord(); err != nil || rec.RefreshToken != "rt" {
		t.Fatalf("after a new sign-in: %+v, %v", rec, err)
	}
}
