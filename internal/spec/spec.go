// Package spec embeds the Koyeb public API contract (Swagger 2.0) that both the
// API client and the emulator are checked against. It is a verbatim copy of
// shared/spec/koyeb-api-subset.json; TestSpecMatchesShared keeps them equal.
package spec

import _ "embed"

// SwaggerJSON is the Swagger 2.0 document of every operation panel calls.
//
//go:embed koyeb-api-subset.json
var SwaggerJSON []byte
