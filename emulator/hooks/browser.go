package hooks

import (
	"mime"
	"net"
	"net/http"
	"strings"
)

// notFromABrowserPage refuses what a web page open in the user's browser could make it send to the
// emulator (during `panel demo` it listens on 127.0.0.1 next to that browser): browsers put an Origin
// header on every cross-site request and on every POST, a form or text/plain POST needs no CORS
// preflight so a body must be JSON, and a Host that is not loopback is a DNS-rebinding page. Test code,
// scripts and the benchmark send none of these.
func notFromABrowserPage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") != "" {
			writeError(w, http.StatusForbidden, "emulator hooks refuse requests from web pages (Origin header)")
			return
		}
		if !loopbackHost(r.Host) {
			writeError(w, http.StatusForbidden, "emulator hooks answer requests addressed to a loopback host only")
			return
		}
		if hasBody(r) {
			if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, "emulator hooks take application/json bodies only")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// hasBody: a method that carries one, or a request that says it has one.
func hasBody(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodDelete, http.MethodOptions:
		return r.ContentLength > 0 || len(r.TransferEncoding) > 0
	}
	return true
}

// loopbackHost: the Host header names 127.0.0.0/8, ::1 or localhost (with or without a port).
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
