package auth

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DeviceLogin is a device sign-in in progress (B2 --device): show UserCode and VerificationURI (and a QR
// code of VerificationURIComplete), then Wait while the user approves in any browser.
type DeviceLogin struct {
	UserCode                string
	VerificationURI         string
	VerificationURIComplete string
	ExpiresAt               time.Time

	s          *Session
	opts       LoginOptions
	deviceCode string // a credential: never shown
	interval   time.Duration
}

// BeginDeviceLogin asks WorkOS for a device code.
func (s *Session) BeginDeviceLogin(ctx context.Context, o LoginOptions) (*DeviceLogin, error) {
	if err := s.checkCanSignIn(); err != nil {
		return nil, err
	}
	da, err := s.wos.authorizeDevice(ctx)
	if err != nil {
		return nil, fmt.Errorf("start the device sign-in: %w", err)
	}
	d := &DeviceLogin{UserCode: da.UserCode, VerificationURI: da.VerificationURI,
		VerificationURIComplete: da.VerificationURIComplete, s: s, opts: o, deviceCode: da.DeviceCode,
		interval: seconds(da.Interval, 5*time.Second, 5*time.Minute)} // RFC 8628's default: 5 s
	if d.VerificationURIComplete == "" {
		d.VerificationURIComplete = d.VerificationURI
	}
	lifetime := seconds(da.ExpiresIn, 15*time.Minute, 24*time.Hour)
	d.ExpiresAt = s.now().Add(lifetime)
	return d, nil
}

// seconds reads a number of seconds from WorkOS (possibly fractional); absent, zero, negative or not a
// number is def, and it is at most limit.
func seconds(v float64, def, limit time.Duration) time.Duration {
	if !(v > 0) { // also NaN
		return def
	}
	if v >= limit.Seconds() {
		return limit
	}
	return time.Duration(v * float64(time.Second))
}

// slowDownStep is what RFC 8628 adds to the polling interval on slow_down.
const slowDownStep = 5 * time.Second

// Wait polls at the server's interval until the user approves or denies, the code expires, or the
// sign-in timeout passes. Network failures while polling are retried until then.
func (d *DeviceLogin) Wait(ctx context.Context) (*Result, error) {
	deadline := d.ExpiresAt
	if t := d.s.now().Add(d.opts.timeout()); t.Before(deadline) {
		deadline = t
	}
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var lastErr error
	for {
		if err := sleepCtx(ctx, d.interval); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				if lastErr != nil {
					//nolint:errorlint // the last poll's refusal is detail: wrapped, the timeout would read as a refusal
					return nil, fmt.Errorf("%w: the device code was not approved in time (last error: %v)", ErrLoginTimeout, lastErr)
				}
				return nil, fmt.Errorf("%w: the device code was not approved in time", ErrLoginTimeout)
			}
			return nil, err
		}
		res, err := d.poll(ctx)
		if err == nil {
			return res, nil
		}
		var ref *RefusedError
		var sel *OrganizationSelectionRequired
		switch {
		case errors.As(err, &sel):
			sel.Next = d.opts.Next
			return nil, sel
		case errors.As(err, &ref):
			var stop error
			d.interval, stop = nextPoll(d.interval, ref)
			if stop != nil {
				return nil, stop
			}
		default:
			lastErr = err
		}
	}
}

// poll asks once whether the device code was approved. An approval spends the code: once a poll is sent,
// it is finished and its sign-in stored whatever happens to ctx.
func (d *DeviceLogin) poll(ctx context.Context) (*Result, error) {
	return settle(ctx, d.s.exchangeTimeout(), func(ctx context.Context) (*Result, error) {
		res, err := d.s.wos.authenticate(ctx, grantDeviceCode, map[string]string{"device_code": d.deviceCode})
		if err != nil {
			return nil, err
		}
		return d.s.saveLogin(ctx, res, d.opts.Next, d.opts.OrganizationID, nil) // polls mostly hear "pending": no read ahead
	})
}

// nextPoll applies a polling answer: keep waiting, slow down, or stop with a reason.
func nextPoll(interval time.Duration, ref *RefusedError) (time.Duration, error) {
	switch ref.Code {
	case "authorization_pending":
		return interval, nil
	case "slow_down":
		return interval + slowDownStep, nil
	case "access_denied":
		return interval, fmt.Errorf("the sign-in was denied in the browser: %w", ref)
	case "expired_token":
		return interval, fmt.Errorf("the device code expired before it was approved; run the sign-in again: %w", ref)
	}
	return interval, fmt.Errorf("device sign-in: %w", ref)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
