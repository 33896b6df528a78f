// Package auth owns panel's WorkOS AuthKit session as a public client: browser sign-in (loopback callback
// with PKCE, or the redirected address pasted back), device sign-in, token storage (the OS keychain with a
// timeout on every call, or an explicit 0600 file), the refresher (one refresh per process at a time, a file
// lock across processes), the bearer-adding http.RoundTripper, organization switch and sign-out.
//
// The keychain item and the session lock follow the same directory. The lock is <profile dir>/session.lock;
// the item is (service "panel", account "<profile>") for a profile of the default config directory, and
// "<profile>@<12 hex digits of sha256(absolute profile dir)>" for any other one (PANEL_CONFIG_DIR, tests,
// `panel demo`). So two config directories never share one single-use refresh token under two locks, and an
// isolated config directory is isolated in the keychain too. Each organization's access token sits next to
// it in "<item>/access/<org>".
//
// It never imports the UI or the API client, and never puts a token in an error, a log line or a process
// argument.
package auth
