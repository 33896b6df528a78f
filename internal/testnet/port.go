// Package testnet gives tests loopback ports they can name in advance.
package testnet

import (
	"math/rand/v2"
	"net"
	"strconv"
	"testing"
)

// Linux hands out ephemeral ports (listeners on :0, outgoing connections) from 32768 up by default; a
// port below that range is taken only by someone who asks for it by number.
const (
	lowest  = 20000
	highest = 32767
)

// FixedPort returns a loopback port nothing listens on now, for a test that must name a port before
// something listens on it. It is chosen below the ephemeral range, so that the other tests' listeners and
// connections cannot take it between this check and its use.
func FixedPort(t testing.TB) int {
	t.Helper()
	for range 200 {
		port := lowest + rand.IntN(highest-lowest+1) // #nosec G404 -- a test port, not a secret
		ln, err := new(net.ListenConfig).Listen(t.Context(), "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		_ = ln.Close()
		return port
	}
	t.Fatal("no free loopback port between 20000 and 32767")
	return 0
}
