package state

import (
	"crypto/rand"
	"strings"
	"time"
)

// Device authorization states.
const (
	DevicePending  = "pending"
	DeviceApproved = "approved"
	DeviceDenied   = "denied"
)

// DeviceCode is one device authorization (RFC 8628): the CLI polls with DeviceCode while the user enters
// UserCode on the verification page.
type DeviceCode struct {
	DeviceCode           string
	UserCode             string // "ABCD-EFGH"
	ClientID             string
	Status               string
	UserID               string
	OrganizationID       string
	AuthenticationMethod string
	Interval             time.Duration
	ExpiresAt            time.Time
	LastPollAt           time.Time
}

// CreateDeviceCode starts a device authorization.
func (s *State) CreateDeviceCode(clientID string, lifetime, interval time.Duration) DeviceCode {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &DeviceCode{DeviceCode: RandomToken(24), UserCode: newUserCode(), ClientID: clientID,
		Status: DevicePending, Interval: interval, ExpiresAt: s.now().Add(lifetime)}
	s.deviceCodes[d.DeviceCode] = d
	return *d
}

// DeviceCodeByUserCode finds a live device authorization by the code the user typed (case, dashes and
// spaces ignored).
func (s *State) DeviceCodeByUserCode(userCode string) (DeviceCode, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deviceByUserCode(userCode)
	if d == nil {
		return DeviceCode{}, false
	}
	return *d, true
}

func (s *State) deviceByUserCode(userCode string) *DeviceCode {
	want := normalizeUserCode(userCode)
	for _, d := range s.deviceCodes {
		if normalizeUserCode(d.UserCode) == want && s.now().Before(d.ExpiresAt) {
			return d
		}
	}
	return nil
}

// ApproveDeviceCode signs the user in on the device (into orgExternalID, "" = decided at exchange).
func (s *State) ApproveDeviceCode(userCode, userID, orgExternalID, method string) (DeviceCode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deviceByUserCode(userCode)
	if d == nil || d.Status != DevicePending {
		return DeviceCode{}, ErrNotFound
	}
	d.Status, d.UserID, d.OrganizationID, d.AuthenticationMethod = DeviceApproved, userID, orgExternalID, method
	return *d, nil
}

// DenyDeviceCode refuses the device authorization; polling then answers access_denied.
func (s *State) DenyDeviceCode(userCode string) (DeviceCode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deviceByUserCode(userCode)
	if d == nil || d.Status != DevicePending {
		return DeviceCode{}, ErrNotFound
	}
	d.Status = DeviceDenied
	return *d, nil
}

// PollDeviceCode answers one poll: ErrInvalidToken (unknown or already used), ErrExpired, ErrSlowDown (polled
// sooner than the interval; the interval grows by 5 s as RFC 8628 says), ErrDenied, ErrPending, or the approved
// authorization, which is consumed.
func (s *State) PollDeviceCode(deviceCode string) (DeviceCode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.deviceCodes[deviceCode]
	if !ok {
		return DeviceCode{}, ErrInvalidToken
	}
	now := s.now()
	if !now.Before(d.ExpiresAt) {
		delete(s.deviceCodes, deviceCode)
		return DeviceCode{}, ErrExpired
	}
	last := d.LastPollAt
	d.LastPollAt = now
	if !last.IsZero() && now.Sub(last) < d.Interval {
		d.Interval += 5 * time.Second
		return *d, ErrSlowDown
	}
	switch d.Status {
	case DeviceDenied:
		delete(s.deviceCodes, deviceCode)
		return *d, ErrDenied
	case DevicePending:
		return *d, ErrPending
	}
	delete(s.deviceCodes, deviceCode)
	return *d, nil
}

const userCodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ" // no vowels: no words, no 0/O confusion

func newUserCode() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	out := make([]byte, 0, 9)
	for i, c := range b {
		if i == 4 {
			out = append(out, '-')
		}
		out = append(out, userCodeAlphabet[int(c)%len(userCodeAlphabet)])
	}
	return string(out)
}

func normalizeUserCode(c string) string {
	return strings.NewReplacer("-", "", " ", "").Replace(strings.ToUpper(c))
}
