package logout

import (
	"errors"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmd/cmdtest"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m) }

// With a token from the environment there is nothing stored to sign out of: refused before the run.
func TestLogoutFlags(t *testing.T) {
	for _, token := range []string{"", "tok-from-env"} {
		f := cmdtest.Factory()
		f.Config = func() (*config.Config, error) { return &config.Config{Token: token}, nil }
		ran := false
		cmd := cmdtest.Quiet(NewCmdLogout(f, func(o *Options) error { ran = o.Ctx != nil; return nil }))
		cmd.SetArgs(nil)
		err := cmd.Execute()
		switch {
		case token == "" && (err != nil || !ran):
			t.Errorf("logout: %v, ran %v", err, ran)
		case token != "" && (!errors.Is(err, auth.ErrTokenFromEnvironment) || ran):
			t.Errorf("logout with PANEL_TOKEN: %v, ran %v", err, ran)
		}
	}
	cmd := cmdtest.Quiet(NewCmdLogout(cmdtest.Factory(), func(*Options) error { return nil }))
	cmd.SetArgs([]string{"extra"})
	if cmd.Execute() == nil {
		t.Error("an argument accepted")
	}
}
