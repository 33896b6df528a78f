// Package listscreen is what the list screens (members, projects,
// invitations, onboarding) share: a Feed, the list and the one request that
// fills it, with the same loading, error and retry behaviour everywhere.
package listscreen

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Feed is a list and the request that fills it. Reload starts the request
// (spinner, a fresh stamp); Answer takes its result: an older load's is not
// this feed's, an error the funnel owns (sign-in needed, revoked,
// deactivated) goes there, any other shows in the list with r to retry;
// Update gives the list a message and reloads on r. R is what the request
// returns ([]T, or a richer answer that holds the items).
type Feed[T, R any] struct {
	components.List[T]
	// Loaded, when set, sees each result after the list shows its items.
	Loaded func(R) tea.Cmd
	// ReportErrors sends every load error to the funnel's status line too,
	// not only the ones it owns (a screen with nothing else to say it).
	ReportErrors bool
	// ErrorText words a load error in the list (nil: common.Describe).
	ErrorText func(error) string

	ctx     *common.Context
	request Request[R]
	items   func(R) []T
	load    common.Stamp
}

// Request builds the load on the UI goroutine from what the screen knows
// now (copies: the organization, a filter); the function it returns runs
// off it and must use nothing else.
type Request[R any] func() func(context.Context) (R, error)

// New returns a feed of the items the request returns.
func New[T any](ctx *common.Context, opts components.ListOptions[T], request Request[[]T]) *Feed[T, []T] {
	return NewOf(ctx, opts, request, func(items []T) []T { return items })
}

// NewOf returns a feed of the items of what the request returns.
func NewOf[T, R any](ctx *common.Context, opts components.ListOptions[T], request Request[R], items func(R) []T) *Feed[T, R] {
	return &Feed[T, R]{List: components.NewList(ctx.Theme, opts), ctx: ctx, request: request, items: items}
}

// Reload asks again; fresh skips the query cache (a retry).
func (f *Feed[T, R]) Reload(fresh bool) tea.Cmd {
	f.load = f.ctx.Stamp()
	ctx := f.ctx.Ctx
	if fresh {
		ctx = app.Fresh(ctx)
	}
	return tea.Batch(f.StartLoading(), common.Fetch(ctx, f.load, f.request()))
}

// Stamp is the load in flight (or the last one).
func (f *Feed[T, R]) Stamp() common.Stamp { return f.load }

// Answer takes msg if it answers the load in flight (ok) and says what to
// do next (the funnel, or Loaded's command).
func (f *Feed[T, R]) Answer(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	r, isResult := msg.(common.Result[R])
	if !isResult || !f.load.Answers(r.Stamp) {
		return nil, false
	}
	if r.Err != nil {
		if common.OrgDeactivated(r.Err) {
			f.SetUnavailable(f.deactivated())
			return common.ReportStampedError(r.Stamp, r.Err), true
		}
		if common.FunnelOwns(r.Err) {
			f.Done()
			return common.ReportStampedError(r.Stamp, r.Err), true
		}
		describe := common.Describe
		if f.ErrorText != nil {
			describe = f.ErrorText
		}
		f.SetError(describe(r.Err))
		if f.ReportErrors {
			return common.ReportStampedError(r.Stamp, r.Err), true
		}
		return nil, true
	}
	f.SetItems(f.items(r.Value))
	f.Done()
	if f.Loaded != nil {
		return f.Loaded(r.Value), true
	}
	return nil, true
}

// deactivated is the list's state in a deactivated organization: not an
// empty list, which would say there is nothing (and invite to add some).
func (f *Feed[T, R]) deactivated() string {
	org := "This organization"
	if f.ctx.Org != nil && f.ctx.Org.Name != "" {
		org = f.ctx.Org.Name
	}
	return fmt.Sprintf("%s is deactivated: its %s cannot be shown or changed until it is reactivated. "+
		"Switch organization with o or -.", org, f.Noun())
}

// Update gives the list msg; r in the error state reloads (fresh).
func (f *Feed[T, R]) Update(msg tea.Msg) (tea.Cmd, components.Action) {
	var cmd tea.Cmd
	var act components.Action
	f.List, cmd, act = f.List.Update(msg)
	if act == components.ActionRetry {
		return tea.Batch(cmd, f.Reload(true)), act
	}
	return cmd, act
}

// Clear forgets the items (the organization changed: never show the old
// one's under the new one).
func (f *Feed[T, R]) Clear() { f.SetItems(nil) }
