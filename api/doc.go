// Package api is the typed client of the control-panel API (the Koyeb
// contract in internal/spec): one method per operation panel uses, one Error
// type with classifiers, pagination helpers for the contract's three styles,
// a query cache shared by the TUI and the commands, and the log-tail stream.
//
// It knows nothing of tokens: the *http.Client it is given carries them (auth's
// RoundTripper adds the bearer and x-koyeb-project-id). The only exception is
// the WebSocket stream, whose token travels as a subprotocol; its dial takes a
// token function so a reconnect always uses a fresh token.
package api
