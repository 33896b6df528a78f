package emulator

import (
	"net/http"

	"github.com/panel-dev/panel/emulator/state"
	"github.com/panel-dev/panel/emulator/workos"
)

// newAPIHandler builds the control-panel API half.
//
// TODO(lead): mount E2's handler here once emulator/controlpanel exports its constructor, e.g.
// controlpanel.New(st, keys.PublicKey(), keys.KID(), jwksURL). Until then every API path answers 501.
func newAPIHandler(st *state.State, keys *workos.Keys, jwksURL string) http.Handler {
	_, _, _ = st, keys, jwksURL
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotImplemented)
		_, _ = w.Write([]byte(`{"status":501,"code":"unimplemented","message":"the control-panel API half is not mounted yet"}` + "\n"))
	})
}
