package seed

import (
	_ "embed"
	"fmt"
)

//go:embed hostile.yaml
var hostileYAML []byte

// Hostile returns a fresh copy of the hostile seed: the demo's shape (alice in acme and globex, invited to
// umbrella; acme with members, invitations and projects) where every string the emulator serves — names,
// emails, descriptions, invitation fields, app and service names and log lines — holds terminal escape sequences, C0 and C1
// controls and bidi controls (hostile.yaml says which); carol is in no organization and has two invitations
// (onboarding). Its ids are the demo's.
func Hostile() *Seed {
	s, err := Parse(hostileYAML, false)
	if err != nil {
		panic(fmt.Sprintf("the embedded hostile seed: %v", err))
	}
	return s
}
