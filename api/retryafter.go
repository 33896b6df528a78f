package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MaxRetryAfter caps what a Retry-After header is believed: a longer wait (99999999999 seconds, a date
// in the year 9999) is a broken or hostile header, and as a time.Duration it would overflow.
const MaxRetryAfter = 24 * time.Hour

// retryAfter reads a Retry-After value, seconds or an HTTP date, as a wait from now between 0 and
// MaxRetryAfter: absent, negative, past or unreadable values are 0.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		switch { // out of range, s is the nearest int64: the signs still hold
		case s <= 0:
			return 0
		case s >= int64(MaxRetryAfter/time.Second):
			return MaxRetryAfter
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), MaxRetryAfter) // Sub saturates instead of overflowing
	}
	return 0
}

// waitWords says a wait the way a person would: "30 seconds", "5 minutes", "about 3 hours", "a day or
// more", rounding up so that the advice is never too early.
func waitWords(d time.Duration) string {
	switch {
	case d >= MaxRetryAfter:
		return "a day or more"
	case d <= time.Minute:
		return plural(ceil(d, time.Second), "second")
	case d <= time.Hour:
		return plural(ceil(d, time.Minute), "minute")
	}
	return "about " + plural(ceil(d, time.Hour), "hour")
}

func ceil(d, unit time.Duration) int64 { return int64((d + unit - 1) / unit) }

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
