package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/sync/singleflight"
)

// Client calls the control-panel API. It is safe for concurrent use; the TUI
// and the commands share one per process (and so share its cache).
type Client struct {
	baseURL string
	hc      *http.Client
	cache   *Cache
	retry   Retry
	notify  func(Notice)
	flight  singleflight.Group
	// timeout bounds each request (and each stream's handshake), whatever the caller's context.
	timeout time.Duration
	// ping is how often an open log stream pings (0: DefaultPingInterval).
	ping time.Duration
}

// RequestTimeout is the default bound of one request: its answer, body included, must be in by then.
const RequestTimeout = 30 * time.Second

// Option configures a Client.
type Option func(*Client)

// WithCache makes the client use c (shared with other clients) instead of its own.
func WithCache(c *Cache) Option { return func(cl *Client) { cl.cache = c } }

// WithRetry sets the retry policy of reads (tests shorten the backoff).
func WithRetry(r Retry) Option { return func(cl *Client) { cl.retry = r } }

// WithRequestTimeout bounds each request, body included (0: RequestTimeout).
// A log stream's handshake is bounded too, its frames are not.
func WithRequestTimeout(d time.Duration) Option { return func(cl *Client) { cl.timeout = d } }

// WithNotice receives what the client does on its own: backing off after a
// 429, retrying after a 5xx or a network error (the TUI shows it).
func WithNotice(fn func(Notice)) Option { return func(cl *Client) { cl.notify = fn } }

// New returns a client of the API at baseURL (e.g. https://app.koyeb.com)
// sending through hc, whose transport supplies the token.
func New(baseURL string, hc *http.Client, opts ...Option) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	c := &Client{baseURL: strings.TrimRight(baseURL, "/"), hc: hc, retry: DefaultRetry}
	for _, o := range opts {
		o(c)
	}
	if c.timeout <= 0 {
		c.timeout = RequestTimeout
	}
	if c.cache == nil {
		c.cache = NewCache(DefaultFreshFor)
	}
	return c
}

// BaseURL is the API's base URL, without a trailing slash.
func (c *Client) BaseURL() string { return c.baseURL }

// Cache is the client's query cache (InvalidateAll on switch and sign-out).
func (c *Client) Cache() *Cache { return c.cache }

// call describes one operation invocation.
type call struct {
	op     string // operationId in the spec
	method string
	path   string
	query  url.Values
	body   any // JSON body of writes; nil sends {}
	// keepCache: a POST that changes no data (SSO tokens) leaves the cache be.
	keepCache bool
}

func (k call) key() string {
	return k.op + " " + k.path + "?" + k.query.Encode()
}

// emptyBody is sent by POSTs whose body is an empty object in the spec.
var emptyBody = struct{}{}

// read runs a GET through the cache, retrying as the policy says, and decodes
// the answer into out. An answer that does not decode is not cached.
func (c *Client) read(ctx context.Context, k call, out any) error {
	key := k.key()
	if cacheOnly(ctx) {
		data, ok := c.cache.lookup(key, true)
		if !ok {
			return ErrNotCached
		}
		return decodeAnswer(k, data, out)
	}
	if data, ok := c.cache.lookup(key, false); ok && !revalidate(ctx) {
		return decodeAnswer(k, data, out)
	}
	gen := c.cache.Generation()
	v, err, _ := c.flight.Do(fmt.Sprintf("%d %s", gen, key), func() (any, error) {
		var data []byte
		err := c.retrying(ctx, k.op, func(ctx context.Context) error {
			var err error
			data, err = c.send(ctx, k)
			return err
		})
		return data, err
	})
	if err != nil {
		if IsNotFound(err) {
			c.cache.drop(key)
		}
		return err
	}
	data := v.([]byte)
	if err := decodeAnswer(k, data, out); err != nil {
		return err
	}
	if !leavesRateLimitsToCaller(ctx) { // a walk's pages: read once, the cache would only hold them
		c.cache.store(key, data, gen)
	}
	return nil
}

// write runs a non-GET once (writes are never retried) and decodes the answer
// into out (nil: discard). A successful write makes every cached read stale.
func (c *Client) write(ctx context.Context, k call, out any) error {
	data, err := c.send(ctx, k)
	if err != nil {
		return err
	}
	if !k.keepCache {
		c.cache.InvalidateAll()
	}
	if out == nil {
		return nil
	}
	return decodeAnswer(k, data, out)
}

// send performs one HTTP exchange and returns the body of a 2xx answer, or
// an *Error, or a *NetworkError (or the token transport's own error).
func (c *Client) send(ctx context.Context, k call) ([]byte, error) {
	// The http.Client has no timeout (the log stream shares it): each call is
	// bounded here, body included, whatever deadline the caller has.
	reqCtx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := c.baseURL + k.path
	if len(k.query) > 0 {
		u += "?" + k.query.Encode()
	}
	var body io.Reader
	if k.method != http.MethodGet && k.method != http.MethodDelete {
		b := k.body
		if b == nil {
			b = emptyBody
		}
		data, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(reqCtx, k.method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, failure(ctx, reqCtx, k.method, k.path, start, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, failure(ctx, reqCtx, k.method, k.path, start, err)
	}
	if resp.StatusCode/100 != 2 {
		return nil, parseError(k.method, k.path, resp.StatusCode, resp.Header, data)
	}
	return data, nil
}

func decode(data []byte, out any) error {
	if out == nil || len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode API answer: %w", err)
	}
	return nil
}
