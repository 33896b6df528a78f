package controlpanel

import (
	"crypto/rsa"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// Options configure the control-panel API half.
type Options struct {
	// PublicKey returns the key that verifies tokens signed with this kid: the
	// emulator's own WorkOS keys. Used when JWKSURL is empty.
	PublicKey func(kid string) (*rsa.PublicKey, bool)
	// JWKSURL makes the API trust the keys published there instead (another
	// WorkOS environment). The set is fetched on first use, cached, and fetched
	// again when a token names a kid it does not hold (at most every 10 s).
	JWKSURL string
	// HTTPClient fetches JWKSURL (nil: a client with a 10 s timeout).
	HTTPClient *http.Client
	// LogInterval is the pause between generated lines on the log tail
	// WebSocket (0: 500 ms).
	LogInterval time.Duration
	// Log gets a line for each rejected token and failed JWKS fetch, with the
	// reason and never the token. nil: discarded.
	Log io.Writer
	// StreamFault returns the fault armed for a log tail request, if any: its
	// frame is sent after its number of lines, and the stream closes.
	StreamFault func(r *http.Request) (StreamFault, bool)
	// OnPing is called for every ping a log tail receives.
	OnPing func()
}

// StreamFault is an error sent as a frame on an open log stream, as the real
// gateway sends the errors of a stream it already upgraded.
type StreamFault struct {
	Frame      []byte // the whole frame, e.g. {"error":{"code":16,"message":"..."}}
	AfterLines int    // lines sent before it
}

type handler struct {
	st   *state.State
	opts Options
	keys keySource
	mux  *http.ServeMux
}

// New returns the control-panel API over the shared state: every operation of
// the spec except the deprecated SwitchOrganization and
// UnscopeOrganizationToken and the ExecCommand stream (those answer 501).
func New(st *state.State, opts Options) http.Handler {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.LogInterval <= 0 {
		opts.LogInterval = 500 * time.Millisecond
	}
	h := &handler{st: st, opts: opts, mux: http.NewServeMux()}
	if opts.JWKSURL != "" {
		client := opts.HTTPClient
		if client == nil {
			client = &http.Client{Timeout: 10 * time.Second}
		}
		h.keys = newJWKSKeys(opts.JWKSURL, client)
	} else {
		h.keys = staticKeys(opts.PublicKey)
	}
	h.routes()
	return h.mux
}

func (h *handler) routes() {
	h.handle("GET /v1/account/profile", accountScope, h.getProfile)
	h.handle("GET /v1/account/organization", sessionScope, h.getCurrentOrganization)
	h.handle("GET /v1/account/organizations", accountScope, h.listUserOrganizations)
	h.handle("POST /v1/organizations", accountScope, h.createOrganization)
	h.handle("GET /v1/organizations/{id}", orgScope, h.getOrganization)
	h.handle("PUT /v1/organizations/{id}/default_project", orgScope, h.updateDefaultProject)

	h.handle("GET /v1/organization_members", accountScope, h.listMembers)
	h.handle("DELETE /v1/organization_members/{id}", orgScope, h.removeMember)

	h.handle("GET /v1/organization_invitations", orgScope, h.listInvitations)
	h.handle("POST /v1/organization_invitations", orgScope, h.createInvitation)
	h.handle("GET /v1/organization_invitations/{id}", orgScope, h.getInvitation)
	h.handle("DELETE /v1/organization_invitations/{id}", orgScope, h.deleteInvitation)
	h.handle("POST /v1/organization_invitations/{id}/resend", orgScope, h.resendInvitation)

	h.handle("GET /v1/account/organization_invitations", accountScope, h.listReceivedInvitations)
	h.handle("GET /v1/account/organization_invitations/{id}", accountScope, h.getReceivedInvitation)
	h.handle("POST /v1/account/organization_invitations/{id}/accept", accountScope, h.acceptInvitation)
	h.handle("POST /v1/account/organization_invitations/{id}/decline", accountScope, h.declineInvitation)

	h.handle("GET /v1/projects", orgScope, h.listProjects)
	h.handle("POST /v1/projects", orgScope, h.createProject)
	h.handle("GET /v1/projects/{id}", orgScope, h.getProject)

	h.handle("GET /v1/apps", orgScope, h.listApps)
	h.handle("GET /v1/services", orgScope, h.listServices)
	h.handle("GET /v1/services/{id}", orgScope, h.getService)
	h.handle("GET /v1/instances", orgScope, h.listInstances)

	h.handle("POST /v1/sso/canny", accountScope, h.cannyAuth)
	h.handle("POST /v1/sso/discourse", accountScope, h.discourseAuth)

	h.mux.HandleFunc("GET /v1/streams/logs/tail", h.tailLogs) // checks the token after the upgrade
	h.handle("GET /v1/streams/logs/query", orgScope, h.queryLogs)
	h.handle("GET /v1/streams/metrics", orgScope, h.getMetrics)

	for _, pattern := range []string{
		"POST /v1/organizations/{id}/switch",
		"POST /v1/unscope_organization_token",
		"GET /v1/streams/instances/exec",
	} {
		h.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusNotImplemented, codeUnimplemented,
				fmt.Sprintf("%s %s is not served by the emulator", r.Method, r.URL.Path))
		})
	}
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, codeNotFound, "Not found")
	})
}

// handle registers fn behind the token checks of its scope.
func (h *handler) handle(pattern string, sc scope, fn func(http.ResponseWriter, *http.Request, *caller)) {
	h.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		c, ok := h.authorize(w, r, sc)
		if !ok {
			return
		}
		fn(w, r, c)
	})
}

func (h *handler) logf(format string, args ...any) {
	fmt.Fprintf(h.opts.Log, "controlpanel: "+format+"\n", args...)
}
