package workos

import (
	"errors"
	"net"
	"net/http"
	"net/url"
)

// checkLoopbackURL accepts http(s) URLs on 127.0.0.1, localhost or [::1], any port: the only redirect and
// return_to targets a native client may register.
func checkLoopbackURL(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, errors.New("redirect_uri is required")
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return nil, errors.New("the URL is not absolute")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, errors.New("the URL must use http or https")
	}
	if u.User != nil || u.Fragment != "" {
		return nil, errors.New("the URL must not carry credentials or a fragment")
	}
	host := u.Hostname()
	if host != "localhost" {
		ip := net.ParseIP(host)
		if ip == nil || !(ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback)) {
			return nil, errors.New("the URL must point at 127.0.0.1, localhost or [::1]")
		}
	}
	return u, nil
}

// redirectWith sends the browser back to the client with extra query parameters (code or error) and state.
func redirectWith(w http.ResponseWriter, r *http.Request, target *url.URL, state string, params map[string]string) {
	u := *target
	q := u.Query()
	for k, v := range params {
		q.Set(k, v)
	}
	if state != "" {
		q.Set("state", state)
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func redirectError(w http.ResponseWriter, r *http.Request, target *url.URL, state, code, description string) {
	redirectWith(w, r, target, state, map[string]string{"error": code, "error_description": description})
}
