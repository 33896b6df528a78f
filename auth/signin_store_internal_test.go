package auth

import (
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator/hooks"
)

// A sign-in replaces the stored session whole: the new record and its organization's access token are
// stored, and every access token of the session it replaces is deleted, including one that another process
// stored while the sign-in's code exchange was in flight (after the sign-in had started reading what was
// stored: that read is not trusted past another process's write).
func TestSignInReplacesTheSessionStoredMeanwhile(t *testing.T) {
	for _, storage := range []string{StorageKeyring, StorageFile} {
		t.Run(storage, func(t *testing.T) {
			ctx, srv, o, s := signedInStorage(t, storage, "test-resignin-")
			replaced, err := s.store.loadRecord()
			if err != nil || replaced == nil {
				t.Fatalf("the first session: %v", err)
			}
			bl, err := s.BeginBrowserLogin(ctx, LoginOptions{Email: "alice@example.com"})
			if err != nil {
				t.Fatal(err)
			}
			defer bl.Close()
			if err := srv.Controls().AddFault(hooks.Fault{Method: http.MethodPost, Path: "/user_management/authenticate",
				Count: 1, Hold: true}); err != nil {
				t.Fatal(err)
			}
			go func() {
				if res, err := http.Get(bl.URL()); err == nil {
					res.Body.Close()
				}
			}()
			done := make(chan error, 1)
			go func() { _, err := bl.Wait(ctx); done <- err }()
			for len(srv.Controls().HeldAnswers()) == 0 {
				time.Sleep(5 * time.Millisecond) // the code exchange took effect; its answer is held
			}
			other, err := NewSession(o) // another process: its switch stores globex's token
			if err != nil {
				t.Fatal(err)
			}
			if err := other.SwitchOrganization(ctx, "org_globex"); err != nil {
				t.Fatal(err)
			}
			srv.Controls().ReleaseHeld()
			if err := <-done; err != nil {
				t.Fatalf("the sign-in: %v", err)
			}

			rec, err := s.store.loadRecord()
			if err != nil || rec == nil || rec.SessionID == replaced.SessionID {
				t.Fatalf("stored after the sign-in: %+v, %v; want the new session", rec, err)
			}
			if at, _ := s.store.loadAccess("org_acme"); at == nil || at.SessionID != rec.SessionID {
				t.Fatalf("acme's stored token after the sign-in: %+v, want the new session's", at)
			}
			if at, _ := s.store.loadAccess("org_globex"); at != nil {
				t.Fatal("the replaced session's globex token, stored during the sign-in, is still stored")
			}
		})
	}
}
