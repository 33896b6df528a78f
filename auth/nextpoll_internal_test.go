package auth

import (
	"testing"
	"time"
)

func TestPollingFollowsTheServer(t *testing.T) {
	cases := []struct {
		code string
		want time.Duration
		stop bool
	}{
		{"authorization_pending", 5 * time.Second, false},
		{"slow_down", 10 * time.Second, false},
		{"access_denied", 5 * time.Second, true},
		{"expired_token", 5 * time.Second, true},
		{"invalid_grant", 5 * time.Second, true},
	}
	for _, c := range cases {
		got, err := nextPoll(5*time.Second, &RefusedError{Code: c.code})
		if got != c.want || (err != nil) != c.stop {
			t.Errorf("%s: interval %s, stop %v; want %s, %v", c.code, got, err, c.want, c.stop)
		}
	}
}
