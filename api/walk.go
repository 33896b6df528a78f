package api

import (
	"context"
	"sync"
	"time"
)

// A has_next list's offsets are known in advance (MaxLimit apart), so a walk
// need not wait for one page to ask for the next: PageWalk keeps several
// pages in flight, hands them over in order, and stops asking at the first
// page that says it is the last. Like TCP it starts with one page (most
// users fit in it: one request) and grows by one page per answer (doubling
// each round trip) up to InFlight; pages asked past the end are few. A 429
// halves how many pages it asks at once and pauses it for the server's
// Retry-After; the window then grows back by one page per window of
// answers.

// DefaultInFlight is how many pages a walk asks at once: 16 pages in flight
// read 10,000 organizations in about 10 round trips instead of 101, and
// 100,000 in about 67 (a 429 says when it is too many).
const DefaultInFlight = 16

// WalkOptions bound a walk.
type WalkOptions struct {
	InFlight int // most pages asked at once (0: DefaultInFlight)
	Start    int // the first page's offset (a walk resumed after an error)
	// Retry is how often a page is asked again after a 429 and how long the
	// walk waits when no Retry-After says (zero: DefaultRetry).
	Retry  Retry
	Notify func(Notice) // told of each pause after a 429 (may be nil)
	Op     string       // the operation, for the notices
}

// WalkBatch is what arrived, in order, since the last Next: the items of
// one page or more starting at Offset.
type WalkBatch[T any] struct {
	Items  []T
	Offset int
	Next   int  // where the page after them starts (a walk resumed after an error starts there)
	Done   bool // the list has no more pages
}

// PageWalk is a parallel walk over a has_next-style list. Pages are asked
// only while the consumer is at most two windows behind, so a walk nobody
// reads any more stops by itself (nothing keeps running in the background).
type PageWalk[T any] struct {
	ctx   context.Context
	fetch func(context.Context, Page) ([]T, bool, error)
	opts  WalkOptions

	mu        sync.Mutex
	ready     chan struct{} // closed and replaced when the consumer may have something
	window    int           // pages asked at once now (≤ opts.InFlight)
	threshold int           // up to it the window grows by one per answer, then by one per window
	grow      int           // answers since the window last changed
	running   sync.WaitGroup
	inFlight  int
	launched  int                 // the next page never asked yet
	retry     []int               // pages to ask again after a 429, lowest first
	pages     map[int]walkPage[T] // answered, not yet handed over
	cancels   map[int]context.CancelFunc
	head      int         // the next page to hand over
	end       int         // the first page past the list (maxPages until known)
	limited   map[int]int // 429s per page
	pausedTil time.Time
	err       error // the walk's end by failure, handed over after the pages before it
	errPage   int
}

type walkPage[T any] struct {
	items   []T
	hasNext bool
}

// WalkHasNext starts walking a has_next-style list: fetch reads one page
// (its context must reach the client, which then leaves 429s to the walk).
func WalkHasNext[T any](ctx context.Context, o WalkOptions, fetch func(context.Context, Page) ([]T, bool, error)) *PageWalk[T] {
	if o.InFlight <= 0 {
		o.InFlight = DefaultInFlight
	}
	if o.Retry == (Retry{}) {
		o.Retry = DefaultRetry
	}
	w := &PageWalk[T]{ctx: ctx, fetch: fetch, opts: o, ready: make(chan struct{}), window: 1, threshold: o.InFlight,
		pages: map[int]walkPage[T]{}, cancels: map[int]context.CancelFunc{}, limited: map[int]int{}, end: maxPages,
		errPage: -1}
	w.mu.Lock()
	w.launchLocked()
	w.mu.Unlock()
	return w
}

// Next waits for the next page in order and returns it with every page
// after it that is already in. Done says the walk is over; an error ends it
// after the pages before the one that failed.
func (w *PageWalk[T]) Next(ctx context.Context) (WalkBatch[T], error) {
	for {
		w.mu.Lock()
		b, err, ok := w.takeLocked()
		ready := w.ready
		w.mu.Unlock()
		if ok {
			return b, err
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return WalkBatch[T]{}, ctx.Err()
		case <-w.ctx.Done():
			return WalkBatch[T]{}, w.ctx.Err()
		}
	}
}

// takeLocked hands over the pages in order from head, if any.
func (w *PageWalk[T]) takeLocked() (WalkBatch[T], error, bool) {
	b := WalkBatch[T]{Offset: w.offset(w.head)}
	took := false
	for w.head < w.end {
		p, ok := w.pages[w.head]
		if !ok {
			break
		}
		delete(w.pages, w.head)
		if b.Items == nil {
			b.Items = p.items // one page: no copy
		} else {
			b.Items = append(b.Items, p.items...)
		}
		w.head++
		took = true
	}
	b.Next = w.offset(w.head)
	if w.head >= w.end {
		b.Done = true
		return b, nil, true
	}
	if w.err != nil && w.head == w.errPage {
		return b, w.err, true
	}
	if took {
		w.launchLocked() // the consumer moved: there is room ahead again
	}
	return b, nil, took
}

// launchLocked asks for pages while the window, the read-ahead and any
// pause allow.
func (w *PageWalk[T]) launchLocked() {
	if w.err != nil || w.ctx.Err() != nil {
		return
	}
	if wait := time.Until(w.pausedTil); wait > 0 {
		return // the pause's timer launches again
	}
	for w.inFlight < w.window {
		page := -1
		switch {
		case len(w.retry) > 0:
			page, w.retry = w.retry[0], w.retry[1:]
		case w.launched < w.end && w.launched < w.head+2*w.opts.InFlight:
			page = w.launched
			w.launched++
		}
		if page < 0 || page >= w.end {
			return
		}
		ctx, cancel := context.WithCancel(rateLimitsToCaller(w.ctx))
		w.cancels[page] = cancel
		w.inFlight++
		w.running.Add(1)
		go w.run(ctx, page)
	}
}

func (w *PageWalk[T]) run(ctx context.Context, page int) {
	defer w.running.Done()
	items, hasNext, err := w.fetch(ctx, Page{Limit: MaxLimit, Offset: w.offset(page)})
	w.mu.Lock()
	defer w.mu.Unlock()
	if cancel := w.cancels[page]; cancel != nil {
		cancel()
		delete(w.cancels, page)
	}
	w.inFlight--
	switch {
	case page >= w.end:
		// Past the last page: asked before the end was known, its answer is moot.
	case err == nil:
		w.answeredLocked(page, items, hasNext)
	case IsRateLimited(err) && w.limited[page] < w.opts.Retry.Attempts:
		w.rateLimitedLocked(page, err)
	case w.err == nil || page < w.errPage:
		w.err, w.errPage = err, page
	}
	w.wakeLocked()
	w.launchLocked()
}

func (w *PageWalk[T]) answeredLocked(page int, items []T, hasNext bool) {
	delete(w.limited, page)
	w.pages[page] = walkPage[T]{items: items, hasNext: hasNext}
	if !hasNext || len(items) == 0 {
		w.end = min(w.end, page+1)
		for p, cancel := range w.cancels {
			if p >= w.end {
				cancel() // asked past the end
			}
		}
	}
	switch w.grow++; {
	case w.window < w.threshold:
		w.window++
	case w.grow >= w.window && w.window < w.opts.InFlight:
		w.window++
		w.grow = 0
	}
}

// rateLimitedLocked halves the window, pauses the walk for the server's
// Retry-After (or the retry policy's backoff) and asks the page again.
func (w *PageWalk[T]) rateLimitedLocked(page int, err error) {
	wait := w.opts.Retry.delay(w.limited[page])
	if e, ok := asError(err); ok && e.RetryAfter > wait {
		wait = min(e.RetryAfter, max(w.opts.Retry.Max, wait)) // as the client's own retries do
	}
	w.limited[page]++
	w.window = max(w.window/2, 1)
	w.threshold, w.grow = w.window, 0
	w.retry = insertSorted(w.retry, page)
	if until := time.Now().Add(wait); until.After(w.pausedTil) {
		w.pausedTil = until
		time.AfterFunc(wait, func() {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.launchLocked()
		})
		if w.opts.Notify != nil {
			w.opts.Notify(Notice{Operation: w.opts.Op, RateLimited: true, Attempt: w.limited[page], Wait: wait, Err: err})
		}
	}
}

func (w *PageWalk[T]) offset(page int) int { return w.opts.Start + page*MaxLimit }

// wakeLocked tells a waiting Next to look again.
func (w *PageWalk[T]) wakeLocked() {
	close(w.ready)
	w.ready = make(chan struct{})
}

func insertSorted(s []int, v int) []int {
	i := 0
	for i < len(s) && s[i] < v {
		i++
	}
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

// Stop ends the walk: the pages in flight are given up (their fetches
// return at once) and Stop returns when they have.
func (w *PageWalk[T]) Stop() {
	w.mu.Lock()
	w.end = min(w.end, w.head)
	for _, cancel := range w.cancels {
		cancel()
	}
	w.mu.Unlock()
	w.running.Wait()
}

// CollectHasNextParallel walks every page of a has_next-style list with
// WalkHasNext and returns the items in the server's order. Nothing of the
// walk goes on once it returned.
func CollectHasNextParallel[T any](ctx context.Context, o WalkOptions, fetch func(context.Context, Page) ([]T, bool, error)) ([]T, error) {
	w := WalkHasNext(ctx, o, fetch)
	defer w.Stop()
	var all []T
	for {
		b, err := w.Next(ctx)
		all = append(all, b.Items...)
		if err != nil || b.Done {
			return all, err
		}
	}
}

type rateLimitsKey struct{}

// rateLimitsToCaller marks a walk's reads: a 429 comes back at once instead
// of being waited out and retried (the walk backs off for all its pages
// together), and the answer is not kept in the cache (100,000
// organizations would stay there twice, as JSON and as rows).
func rateLimitsToCaller(ctx context.Context) context.Context {
	return context.WithValue(ctx, rateLimitsKey{}, true)
}

func leavesRateLimitsToCaller(ctx context.Context) bool { return ctx.Value(rateLimitsKey{}) != nil }
