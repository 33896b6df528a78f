// Package hooks is the emulator's test surface: runtime controls shared by every request (added latency,
// injected faults, the request log) and the /_emulator/ HTTP endpoints that drive them and the state.
// The endpoints answer loopback callers only (checked on the connection's remote address) and speak JSON.
// They must not be drivable by a web page in the user's browser while `panel demo` runs: a request that
// carries an Origin header (403), a body that is not application/json (415: a form or text/plain POST
// needs no CORS preflight) or a Host that is not 127.0.0.0/8, ::1 or localhost (403: DNS rebinding) is
// refused. GET and DELETE carry no body.
//
// Endpoints:
//
//	POST   /_emulator/sessions/revoke          {"session_id": "..."} or {"email": "..."} (every session of that user)
//	GET    /_emulator/sessions                 [{"id","user_id","email","organization_id","revoked","refreshes","created_at"}]
//	POST   /_emulator/memberships/remove       {"email": "...", "organization_id": "<external_id or id>"}
//	POST   /_emulator/organizations/deactivate {"organization_id": "<external_id or id>"}
//	POST   /_emulator/organizations/status     {"organization_id": "...", "status": "ACTIVE|DEACTIVATED|..."}
//	POST   /_emulator/accounts/lock            {"email": "...", "locked": true} ("locked" defaults to true)
//	POST   /_emulator/settings                 {"organization_selection_required": true,
//	                                            "selection_grant_needs_secret": true}
//	GET    /_emulator/latency                  {"latency": "100ms"}
//	POST   /_emulator/latency                  {"latency": "100ms"} (added before every non-hook response)
//	POST   /_emulator/faults                   {"method": "GET", "path": "/v1/account/organization", "status": 500,
//	                                            "body": "...", "content_type": "...", "retry_after": "120",
//	                                            "count": 1, "delay": "2s", "reset": false, "body_delay": "2s",
//	                                            "frame": "{...}", "after_lines": 0, "hold": false,
//	                                            "answer_delay": "1s"}
//	GET    /_emulator/faults                   the faults still armed
//	DELETE /_emulator/faults                   clears them all
//	GET    /_emulator/requests                 [{"method","path","query","status","time","duration_ms","project_header",
//	                                            "in_flight"}] (in_flight: requests being served as it arrived)
//	DELETE /_emulator/requests                 clears the log
//	GET    /_emulator/streams                  {"pings": n}: the pings the log streams received
//	GET    /_emulator/holds                    [{"method","path","status"}]: the answers held now
//	POST   /_emulator/holds/release            {}: sends every held answer; {"released": n}
//
// A fault matches on method ("" = any) and exact path (a trailing "*" matches a prefix). count 0 keeps it
// until cleared; otherwise it fires count times. delay waits before answering; with neither status nor
// reset, a fault only delays and the request then proceeds. reset closes the connection without an answer.
// body_delay (with a status) sends the headers and the body's first byte at once and the rest that much
// later: a slow body. frame (JSON text) stands for the real gateway, which upgrades every log stream and sends
// its errors as frames: the next WebSocket upgrade of the path goes through, the stream sends after_lines
// lines, then the frame, then closes (a plain GET is not affected), e.g.
// {"path": "/v1/streams/logs/tail", "frame": "{\"error\":{\"code\":16,\"message\":\"expired\"}}", "count": 1}.
// answer_delay lets the request take effect at once and answers that much later; hold lets the request take effect (a refresh token is spent) and holds its answer until released: a test
// acts (a signal, a key) while the client waits for an answer the server has already committed to; a client
// that gives up meanwhile loses it, as on a real network.
// The request log never holds headers other than x-koyeb-project-id, and query values that look like
// credentials (code, user_code, *token*, *secret*, *password*, *verifier*) are replaced by "REDACTED". Hook calls are not
// logged. Counting POST /user_management/authenticate entries in the log tells how many refreshes happened.
package hooks
