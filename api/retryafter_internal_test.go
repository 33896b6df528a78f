package api

import (
	"testing"
	"time"
)

func TestRetryAfterValues(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, " 12 ": 12 * time.Second, "+3": 3 * time.Second, "-1": 0, "0": 0, "1.5": 0, "0x10": 0,
		"86399": 86399 * time.Second, "86400": MaxRetryAfter, "9223372036": MaxRetryAfter,
		"9223372037": MaxRetryAfter, "99999999999999999999": MaxRetryAfter, "-99999999999999999999": 0,
		"Wed, 02 Dec 2026 10:00:30 GMT": 30 * time.Second, "Wed, 02 Dec 2026 09:00:00 GMT": 0,
		"Thu, 03 Dec 2026 11:00:00 GMT": MaxRetryAfter, "Mon, 01 Jan 0001 00:00:00 GMT": 0,
		"Fri, 31 Dec 9999 23:59:59 GMT": MaxRetryAfter,
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestWaitWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Second: "1 second", 1500 * time.Millisecond: "2 seconds", time.Minute: "60 seconds",
		61 * time.Second: "2 minutes", time.Hour: "60 minutes", time.Hour + time.Second: "about 2 hours",
		23 * time.Hour: "about 23 hours", MaxRetryAfter: "a day or more",
	} {
		if got := waitWords(d); got != want {
			t.Errorf("waitWords(%v) = %q, want %q", d, got, want)
		}
	}
}
