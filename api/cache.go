package api

import (
	"context"
	"errors"
	"sync"
	"time"
)

// DefaultFreshFor is how long an answer is served without asking again.
const DefaultFreshFor = 5 * time.Second

// ErrNotCached is returned by reads under CacheOnly when nothing is cached.
var ErrNotCached = errors.New("not in the cache")

// Cache holds the answers of reads, keyed by operation and parameters
// (B21). It is stale-while-revalidate: a screen first asks with CacheOnly to
// draw at once, and asks again normally to get the fresh answer (which
// replaces the entry). InvalidateAll (switch, sign-out) empties it and bumps a
// generation, so an answer fetched for the old organization is never stored.
type Cache struct {
	mu       sync.Mutex
	entries  map[string]entry
	gen      uint64
	freshFor time.Duration
}

type entry struct {
	data []byte // the raw JSON answer: each read decodes its own copy
	at   time.Time
}

// NewCache returns an empty cache whose entries are fresh for freshFor
// (0: every normal read goes to the network; CacheOnly still reads entries).
func NewCache(freshFor time.Duration) *Cache {
	return &Cache{entries: map[string]entry{}, freshFor: freshFor}
}

// InvalidateAll drops every entry and bumps the generation.
func (c *Cache) InvalidateAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = map[string]entry{}
	c.gen++
}

// Generation counts InvalidateAll calls.
func (c *Cache) Generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Len is the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// lookup returns the entry of key if it may be served: always under
// CacheOnly, otherwise only while fresh.
func (c *Cache) lookup(key string, any bool) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || (!any && time.Since(e.at) >= c.freshFor) {
		return nil, false
	}
	return e.data, true
}

// store keeps data unless the cache was invalidated since gen was read.
func (c *Cache) store(key string, data []byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.entries[key] = entry{data: data, at: time.Now()}
	}
}

func (c *Cache) drop(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, key)
}

type cacheOnlyKey struct{}

type revalidateKey struct{}

// Revalidate makes reads under ctx skip fresh entries and ask the API (a
// user's explicit refresh); the answer still replaces the entry.
func Revalidate(ctx context.Context) context.Context {
	return context.WithValue(ctx, revalidateKey{}, true)
}

func revalidate(ctx context.Context) bool { return ctx.Value(revalidateKey{}) != nil }

// CacheOnly makes reads under ctx answer from the cache alone, stale or not,
// without any request; ErrNotCached when there is nothing.
func CacheOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, cacheOnlyKey{}, true)
}

func cacheOnly(ctx context.Context) bool { return ctx.Value(cacheOnlyKey{}) != nil }
