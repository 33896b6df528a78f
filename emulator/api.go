package emulator

import (
	"crypto/rsa"
	"io"
	"net/http"

	"github.com/panel-dev/panel/emulator/controlpanel"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/emulator/state"
	"github.com/panel-dev/panel/emulator/workos"
)

// newAPIHandler builds the control-panel API half: it trusts this emulator's own WorkOS key, or the keys
// published at jwksURL when one is given.
func newAPIHandler(st *state.State, keys *workos.Keys, jwksURL string, log io.Writer, controls *hooks.Controls) http.Handler {
	return controlpanel.New(st, controlpanel.Options{
		PublicKey: func(kid string) (*rsa.PublicKey, bool) {
			if kid != keys.KID() {
				return nil, false
			}
			return keys.PublicKey(), true
		},
		JWKSURL: jwksURL,
		Log:     log,
		StreamFault: func(r *http.Request) (controlpanel.StreamFault, bool) {
			frame, after, ok := hooks.StreamFault(r)
			return controlpanel.StreamFault{Frame: frame, AfterLines: after}, ok
		},
		OnPing: controls.CountPing,
	})
}
