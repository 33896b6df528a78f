package api_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

// A 429's Retry-After, whatever it holds, becomes a wait between 0 and a day and a sentence a person can
// read: no overflowed (negative) durations, no "2562047h47m16s".
func TestRetryAfterInMessagesIsBoundedAndReadable(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	future := time.Now().Add(90 * time.Minute).UTC().Format(http.TimeFormat)
	for _, c := range []struct {
		header, says string
		wait         time.Duration // 0: not said
	}{
		{"99999999999", "try again in a day or more", api.MaxRetryAfter},
		{"9227000000", "try again in a day or more", api.MaxRetryAfter}, // just past time.Duration's range
		{"999999999999999999999999", "try again in a day or more", api.MaxRetryAfter},
		{"-5", "", 0},
		{"-99999999999999999999", "", 0},
		{"0", "", 0},
		{"30", "try again in 30 seconds", 30 * time.Second},
		{"1", "try again in 1 second", time.Second},
		{"300", "try again in 5 minutes", 5 * time.Minute},
		{"7200", "try again in about 2 hours", 2 * time.Hour},
		{future, "try again in about 2 hours", 0},
		{"Wed, 21 Oct 2015 07:28:00 GMT", "", 0}, // past
		{"Fri, 31 Dec 9999 23:59:59 GMT", "try again in a day or more", api.MaxRetryAfter},
		{"soon", "", 0},
	} {
		e.fault(fault{Method: "POST", Path: "/v1/organization_invitations", Status: 429, Body: "Too Many Requests",
			ContentType: "text/plain", RetryAfter: c.header, Count: 1})
		_, err := e.client.CreateOrganizationInvitation(ctx(t), "carol@example.com")
		var ae *api.Error
		if !errors.As(err, &ae) || !api.IsRateLimited(err) {
			t.Fatalf("Retry-After %q: err = %v", c.header, err)
		}
		msg := err.Error()
		if ae.RetryAfter < 0 || ae.RetryAfter > api.MaxRetryAfter || (c.wait != 0 && ae.RetryAfter != c.wait) {
			t.Errorf("Retry-After %q: wait %v, want %v", c.header, ae.RetryAfter, c.wait)
		}
		if c.says == "" && strings.Contains(msg, "try again") || c.says != "" && !strings.Contains(msg, c.says+" (HTTP 429") {
			t.Errorf("Retry-After %q: message %q, want %q", c.header, msg, c.says)
		}
		if strings.Contains(msg, "in -") {
			t.Errorf("Retry-After %q: a negative wait in %q", c.header, msg)
		}
	}
}

// A read that gets a huge Retry-After is retried after the policy's longest wait, not in 3000 years
// (nor at once, as an overflowed negative duration would).
func TestHugeRetryAfterOnAReadWaitsThePolicysLongestWait(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.fault(fault{Method: "GET", Path: "/v1/account/profile", Status: 429, Body: "slow down", RetryAfter: "99999999999",
		Count: 1})
	if _, err := e.client.GetCurrentUser(ctx(t)); err != nil {
		t.Fatal(err)
	}
	notes := e.notes.all()
	if len(notes) != 1 || !notes[0].RateLimited || notes[0].Wait != 10*time.Millisecond {
		t.Errorf("notices = %+v, want one rate-limited wait of the policy's Max (10ms)", notes)
	}
}
