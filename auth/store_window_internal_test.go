package auth

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// BenchmarkExchangeStoreWindow measures what no signal handling can cover: the time from WorkOS's answer
// to a refresh being in hand to the new refresh token being stored (persist). A SIGKILL in that window
// loses the session (the old refresh token is spent); any other signal waits for it. ns/op is the window.
//
//	go test -run '^$' -bench ExchangeStoreWindow ./auth/                               # the 0600 file
//	scripts/with-keychain.sh go test -run '^$' -bench ExchangeStoreWindow ./auth/      # and the keychain
func BenchmarkExchangeStoreWindow(b *testing.B) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	for _, storage := range []string{"file", "keychain"} {
		b.Run(storage, func(b *testing.B) {
			o := Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: b.TempDir(),
				Profile: "bench-window-" + randomString(6), InsecureStorage: storage == "file"}
			if storage == "keychain" {
				k := keyringStore{item: "probe-" + randomString(6)}
				if err := k.set(k.item, "probe"); err != nil {
					b.Skipf("no usable Secret Service (run through scripts/with-keychain.sh): %v", err)
				}
				_ = k.delete(k.item)
			}
			s, err := NewSession(o)
			if err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			signInForBench(b, ctx, s)
			defer func() { _, _ = s.Logout(ctx) }()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				rec, err := s.loadRecord()
				if err != nil || rec == nil {
					b.Fatalf("stored session: %v", err)
				}
				r, err := s.exchange(ctx, rec, rec.OrganizationID, false)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := s.persist(r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func signInForBench(b *testing.B, ctx context.Context, s *Session) {
	b.Helper()
	bl, err := s.BeginBrowserLogin(ctx, LoginOptions{Email: "alice@example.com"})
	if err != nil {
		b.Fatal(err)
	}
	defer bl.Close()
	go func() {
		if res, err := http.Get(bl.URL()); err == nil {
			res.Body.Close()
		}
	}()
	if _, err := bl.Wait(ctx); err != nil {
		b.Fatal(err)
	}
}
