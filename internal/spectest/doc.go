// Package spectest checks HTTP traffic against the Koyeb API contract
// (internal/spec, Swagger 2.0 converted to OpenAPI 3 with kin-openapi) in tests.
//
// Both sides of the contract use it: the emulator's tests validate every
// response the emulator produces, and the API client's contract tests validate
// every request the client sends. The usual entry point is Transport:
//
//	rt := spectest.Transport(t, nil) // validates requests and responses
//	client := &http.Client{Transport: rt}
//	... calls ...
//	rt.Covered() // operation ids seen, e.g. "GetCurrentUser"
//
// To assert that a whole test package covers the contract, share one Coverage
// (cov.Transport(t, nil) in each test) and check cov.Missing in TestMain.
//
// The loaded document is the spec with four deliberate adjustments, each a
// documented fact of the real API (docs/BEHAVIOUR.md, the spec's intro tag):
//   - objects that declare properties reject undeclared ones, so a misspelled
//     field cannot pass (every field is optional, so nothing else would catch it);
//   - ErrorField also has "description" (the intro's 400 example shows it);
//   - a request body whose schema requires nothing may be absent (POSTs whose
//     body is {} also work with no body);
//   - responses with a status the operation does not declare (429, 409...) are
//     checked against Error {status, code, message} when they are JSON, and not
//     at all otherwise (a 429 body may not be JSON).
//
// WebSocket operations (TailLogs, ExecCommand) answer 101 Switching Protocols:
// the transport validates the upgrade request, records the operation and hands
// the connection back untouched; check each frame with ValidateFrame.
//
// Tokens never appear in failure messages: only the method, path and the
// validator's reason are reported.
package spectest
