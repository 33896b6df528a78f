package app

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/panel-dev/panel/store"
)

// projectHeader is the web panel's current-project header (auth sets it).
const projectHeader = "X-Koyeb-Project-Id"

// ProjectGuard wraps base (the transport under auth's) so that a request
// refused because its x-koyeb-project-id is not a project of the token's
// organization (400 naming that field: the project was deleted, or the store
// held another organization's) forgets that project in the store and is sent
// once more without the header. The current project then falls back to the
// default (B17) instead of every call failing.
func ProjectGuard(base http.RoundTripper, st *store.Store) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &projectGuard{base: base, st: st}
}

type projectGuard struct {
	base http.RoundTripper
	st   *store.Store
}

func (g *projectGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	project := req.Header.Get(projectHeader)
	resp, err := g.base.RoundTrip(req)
	if err != nil || project == "" || resp.StatusCode != http.StatusBadRequest {
		return resp, err
	}
	data, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if rerr != nil || !namesProjectHeader(data) {
		return resp, nil
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return resp, nil // cannot send the body again
	}
	_ = g.st.Update(func(s *store.State) { s.ForgetProject(project) })
	retry := req.Clone(req.Context())
	retry.Header.Del(projectHeader)
	if req.GetBody != nil {
		body, berr := req.GetBody()
		if berr != nil {
			return resp, nil
		}
		retry.Body = body
	}
	return g.base.RoundTrip(retry)
}

// namesProjectHeader reports a 400 body whose fields blame the project header.
func namesProjectHeader(body []byte) bool {
	var e struct {
		Fields []struct {
			Field string `json:"field"`
		} `json:"fields"`
	}
	if json.Unmarshal(body, &e) != nil {
		return false
	}
	for _, f := range e.Fields {
		if strings.EqualFold(f.Field, projectHeader) {
			return true
		}
	}
	return false
}
