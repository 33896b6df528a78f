package api

import "context"

// The contract pages lists three ways: members and invitations answer a
// total count, the user's organizations answer has_next, and projects answer
// neither (a page shorter than the limit is the last). Each helper below
// walks every page of its style, MaxLimit items at a time.

// maxPages bounds a walk, so a server that never says "last page" cannot
// keep a client looping (a million items).
const maxPages = 10_000

// CollectCounted walks a count-style list: fetch returns a page's items and
// the total count.
func CollectCounted[T any](ctx context.Context, fetch func(context.Context, Page) ([]T, int64, error)) ([]T, error) {
	var all []T
	for p := (Page{Limit: MaxLimit}); p.Offset/MaxLimit < maxPages; p.Offset += MaxLimit {
		items, count, err := fetch(ctx, p)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
		if len(items) == 0 || int64(len(all)) >= count {
			return all, nil
		}
	}
	return all, nil
}

// CollectHasNext walks a has_next-style list.
func CollectHasNext[T any](ctx context.Context, fetch func(context.Context, Page) ([]T, bool, error)) ([]T, error) {
	var all []T
	for p := (Page{Limit: MaxLimit}); p.Offset/MaxLimit < maxPages; p.Offset += MaxLimit {
		items, hasNext, err := fetch(ctx, p)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
		if !hasNext || len(items) == 0 {
			return all, nil
		}
	}
	return all, nil
}

// CollectShortPage walks a list that ends with a page shorter than the limit.
func CollectShortPage[T any](ctx context.Context, fetch func(context.Context, Page) ([]T, error)) ([]T, error) {
	var all []T
	for p := (Page{Limit: MaxLimit}); p.Offset/MaxLimit < maxPages; p.Offset += MaxLimit {
		items, err := fetch(ctx, p)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
		if len(items) < p.Limit {
			return all, nil
		}
	}
	return all, nil
}

// AllUserOrganizations returns every organization of the user matching p
// (p.Page is ignored), several pages at a time (WalkHasNext).
func (c *Client) AllUserOrganizations(ctx context.Context, p ListUserOrganizationsParams) ([]Organization, error) {
	return CollectHasNextParallel(ctx, c.WalkOptions("ListUserOrganizations", 0), func(ctx context.Context, page Page) ([]Organization, bool, error) {
		p := p // pages are asked at once: each its own copy
		p.Page = page
		r, err := c.ListUserOrganizations(ctx, p)
		if err != nil {
			return nil, false, err
		}
		return r.Organizations, r.HasNext, nil
	})
}

// WalkOptions are a walk's options with the client's notices (op names the
// operation in them) and retry policy, from offset start.
func (c *Client) WalkOptions(op string, start int) WalkOptions {
	return WalkOptions{Notify: c.notify, Op: op, Start: start, Retry: c.retry}
}

// AllOrganizationMembers returns every member matching p.
func (c *Client) AllOrganizationMembers(ctx context.Context, p ListOrganizationMembersParams) ([]OrganizationMember, error) {
	return CollectCounted(ctx, func(ctx context.Context, page Page) ([]OrganizationMember, int64, error) {
		p.Page = page
		r, err := c.ListOrganizationMembers(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		return r.Members, r.Count, nil
	})
}

// AllOrganizationInvitations returns every invitation sent by the current
// organization matching p.
func (c *Client) AllOrganizationInvitations(ctx context.Context, p ListOrganizationInvitationsParams) ([]OrganizationInvitation, error) {
	return CollectCounted(ctx, func(ctx context.Context, page Page) ([]OrganizationInvitation, int64, error) {
		p.Page = page
		r, err := c.ListOrganizationInvitations(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		return r.Invitations, r.Count, nil
	})
}

// AllUserOrganizationInvitations returns every invitation the user received matching p.
func (c *Client) AllUserOrganizationInvitations(ctx context.Context, p ListUserOrganizationInvitationsParams) ([]OrganizationInvitation, error) {
	return CollectCounted(ctx, func(ctx context.Context, page Page) ([]OrganizationInvitation, int64, error) {
		p.Page = page
		r, err := c.ListUserOrganizationInvitations(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		return r.Invitations, r.Count, nil
	})
}

// AllProjects returns every project of the current organization matching p.
func (c *Client) AllProjects(ctx context.Context, p ListProjectsParams) ([]Project, error) {
	return CollectShortPage(ctx, func(ctx context.Context, page Page) ([]Project, error) {
		p.Page = page
		r, err := c.ListProjects(ctx, p)
		if err != nil {
			return nil, err
		}
		return r.Projects, nil
	})
}

// CollectCountedHasNext walks a list that answers both a total count and
// has_next (apps, services): it goes on while either says more follow.
func CollectCountedHasNext[T any](ctx context.Context, fetch func(context.Context, Page) ([]T, int64, bool, error)) ([]T, error) {
	var all []T
	for p := (Page{Limit: MaxLimit}); p.Offset/MaxLimit < maxPages; p.Offset += MaxLimit {
		items, count, hasNext, err := fetch(ctx, p)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
		if len(items) == 0 || (!hasNext && int64(len(all)) >= count) {
			return all, nil
		}
	}
	return all, nil
}
