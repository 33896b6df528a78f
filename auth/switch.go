package auth

import (
	"context"
	"errors"
)

// SwitchOrganization moves this process's session into the organization with that external id: a refresh
// naming organization_id. Any refusal (organization_membership_not_found, sso_required, mfa_enrollment, ...)
// is a *RefusedError and the session stays as it was; the caller then signs in through the browser with
// LoginOptions.OrganizationID set. Without a per-process organization (Options.Organization) the stored
// default follows the switch; with one, only this process moves.
func (s *Session) SwitchOrganization(ctx context.Context, orgExternalID string) error {
	if s.opts.EnvToken != "" {
		return ErrTokenFromEnvironment
	}
	if orgExternalID == "" {
		return errors.New("no organization to switch to")
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	rec, err := s.store.loadRecord()
	if err != nil {
		return err
	}
	if rec == nil {
		return ErrLoginRequired
	}
	if _, err := s.refreshWith(ctx, rec, orgExternalID, s.opts.Organization == ""); err != nil {
		return err
	}
	s.pin(orgExternalID)
	return nil
}
