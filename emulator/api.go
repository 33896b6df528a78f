package emulator

import (
	"crypto/rsa"
	"net/http"

	"github.com/panel-dev/panel/emulator/controlpanel"
	"github.com/panel-dev/panel/emulator/state"
	"github.com/panel-dev/panel/emulator/workos"
)

// newAPIHandler builds the control-panel API half: it trusts the emulator's own WorkOS key, or the keys
// published at jwksURL when set.
func newAPIHandler(st *state.State, keys *workos.Keys, jwksURL string) http.Handler {
	return controlpanel.New(st, controlpanel.Options{
		JWKSURL: jwksURL,
		PublicKey: func(kid string) (*rsa.PublicKey, bool) {
			if kid != keys.KID() {
				return nil, false
			}
			return keys.PublicKey(), true
		},
	})
}
