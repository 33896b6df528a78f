package hooks

import (
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

type hooks struct {
	st *state.State
	c  *Controls
}

// Handler serves the /_emulator/ endpoints (see the package documentation) to loopback callers only,
// and never to a web page in a browser (Origin header, a body that is not JSON, a non-loopback Host).
func Handler(st *state.State, c *Controls) http.Handler {
	h := &hooks{st: st, c: c}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /_emulator/sessions/revoke", h.revokeSessions)
	mux.HandleFunc("GET /_emulator/sessions", h.sessions)
	mux.HandleFunc("POST /_emulator/memberships/remove", h.removeMembership)
	mux.HandleFunc("POST /_emulator/organizations/deactivate", h.deactivateOrganization)
	mux.HandleFunc("POST /_emulator/organizations/status", h.setOrganizationStatus)
	mux.HandleFunc("POST /_emulator/accounts/lock", h.lockAccount)
	mux.HandleFunc("POST /_emulator/settings", h.settings)
	mux.HandleFunc("GET /_emulator/latency", h.latency)
	mux.HandleFunc("POST /_emulator/latency", h.setLatency)
	mux.HandleFunc("GET /_emulator/faults", h.faults)
	mux.HandleFunc("POST /_emulator/faults", h.addFault)
	mux.HandleFunc("DELETE /_emulator/faults", h.clearFaults)
	mux.HandleFunc("GET /_emulator/requests", h.requests)
	mux.HandleFunc("DELETE /_emulator/requests", h.clearRequests)
	mux.HandleFunc("GET /_emulator/streams", h.streamsInfo)
	mux.HandleFunc("GET /_emulator/holds", h.heldAnswers)
	mux.HandleFunc("POST /_emulator/holds/release", h.releaseHeld)
	return loopbackOnly(notFromABrowserPage(mux))
}

// loopbackOnly refuses callers whose connection does not come from the loopback interface.
func loopbackOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		ip := net.ParseIP(host)
		if err != nil || ip == nil || !ip.IsLoopback() {
			writeError(w, http.StatusForbidden, "emulator hooks answer loopback callers only")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// decode reads a JSON body into v; it answers 400 itself and returns false on failure.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
		return false
	}
	return true
}

// stateError maps a state error to a hook answer.
func stateError(w http.ResponseWriter, err error) {
	if errors.Is(err, state.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not found")
		return
	}
	writeError(w, http.StatusBadRequest, err.Error())
}

func (h *hooks) latency(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"latency": h.c.Latency().String()})
}

func (h *hooks) setLatency(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Latency string `json:"latency"`
	}
	if !decode(w, r, &body) {
		return
	}
	d, err := time.ParseDuration(body.Latency)
	if err != nil || d < 0 {
		writeError(w, http.StatusBadRequest, "latency must be a duration such as 100ms")
		return
	}
	h.c.SetLatency(d)
	writeJSON(w, http.StatusOK, map[string]string{"latency": d.String()})
}

func (h *hooks) faults(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, h.c.Faults())
}

func (h *hooks) addFault(w http.ResponseWriter, r *http.Request) {
	var f Fault
	if !decode(w, r, &f) {
		return
	}
	if f.Path == "" || f.Count < 0 {
		writeError(w, http.StatusBadRequest, "a fault needs a path and a count >= 0")
		return
	}
	if f.Frame != "" && (!json.Valid([]byte(f.Frame)) || f.AfterLines < 0) {
		writeError(w, http.StatusBadRequest, "frame must be JSON text and after_lines >= 0")
		return
	}
	if err := h.c.AddFault(f); err != nil {
		writeError(w, http.StatusBadRequest, "delay: "+err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, f)
}

func (h *hooks) clearFaults(w http.ResponseWriter, _ *http.Request) {
	h.c.ClearFaults()
	w.WriteHeader(http.StatusNoContent)
}

func (h *hooks) requests(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, h.c.Requests())
}

func (h *hooks) clearRequests(w http.ResponseWriter, _ *http.Request) {
	h.c.ClearRequests()
	w.WriteHeader(http.StatusNoContent)
}
