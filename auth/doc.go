// Package auth owns panel's WorkOS AuthKit session as a public client: browser sign-in (loopback callback
// with PKCE, or the redirected address pasted back), device sign-in, token storage (the OS keychain with a
// timeout on every call, or an explicit 0600 file), the refresher (one refresh per process at a time, a file
// lock across processes), the bearer-adding http.RoundTripper, organization switch and sign-out.
//
// It never imports the UI or the API client, and never puts a token in an error, a log line or a process
// argument.
package auth
