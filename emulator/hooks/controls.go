package hooks

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// maxLoggedRequests bounds the request log of a long-running emulator.
const maxLoggedRequests = 10000

// Controls are the runtime knobs every request passes through: latency, faults and the request log.
type Controls struct {
	mu       sync.Mutex
	latency  time.Duration
	faults   []*Fault
	requests []Request
	log      io.Writer
	streams  streamStats
	inFlight int // requests being served now (hooks aside)
	held     []*heldAnswer
}

// Request is one entry of the request log (never a token).
type Request struct {
	Method        string    `json:"method"`
	Path          string    `json:"path"`
	Query         string    `json:"query"`
	Status        int       `json:"status"`
	Time          time.Time `json:"time"`
	DurationMS    float64   `json:"duration_ms"`
	ProjectHeader string    `json:"project_header"`
	// InFlight is how many requests were being served when this one arrived, itself included: how many
	// a client keeps in flight at once.
	InFlight int `json:"in_flight"`
}

// Fault is an injected failure for a method and path.
type Fault struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	Status      int    `json:"status,omitempty"`
	Body        string `json:"body,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	RetryAfter  string `json:"retry_after,omitempty"` // sent as is in a Retry-After header (with a status)
	Count       int    `json:"count"`                 // 0 = until cleared; else how many more times it fires
	Delay       string `json:"delay,omitempty"`
	Reset       bool   `json:"reset,omitempty"`
	// BodyDelay sends the status and headers at once and holds the body back this long (a slow body).
	BodyDelay string `json:"body_delay,omitempty"`
	// Frame (a JSON text) is sent on a log stream after AfterLines lines, instead of an HTTP answer.
	Frame      string `json:"frame,omitempty"`
	AfterLines int    `json:"after_lines,omitempty"`
	// AnswerDelay lets the request take effect at once and sends its answer that much later (a refresh
	// token spent while its answer is still on the way).
	AnswerDelay string `json:"answer_delay,omitempty"`
	// Hold lets the request take effect and holds its answer until POST /_emulator/holds/release.
	Hold        bool `json:"hold,omitempty"`
	delay       time.Duration
	bodyDelay   time.Duration
	answerDelay time.Duration
}

// NewControls starts with a latency and a writer for request log lines (nil = none).
func NewControls(latency time.Duration, log io.Writer) *Controls {
	if log == nil {
		log = io.Discard
	}
	return &Controls{latency: latency, log: log}
}

// Latency is what every response currently waits.
func (c *Controls) Latency() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.latency
}

// SetLatency changes the latency added to every response.
func (c *Controls) SetLatency(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.latency = d
}

// AddFault arms a fault.
func (c *Controls) AddFault(f Fault) error {
	if f.Delay != "" {
		d, err := time.ParseDuration(f.Delay)
		if err != nil {
			return err
		}
		f.delay = d
	}
	if f.AnswerDelay != "" {
		d, err := time.ParseDuration(f.AnswerDelay)
		if err != nil {
			return err
		}
		f.answerDelay = d
	}
	if f.BodyDelay != "" {
		d, err := time.ParseDuration(f.BodyDelay)
		if err != nil {
			return err
		}
		f.bodyDelay = d
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.faults = append(c.faults, &f)
	return nil
}

// Faults lists the armed faults.
func (c *Controls) Faults() []Fault {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Fault, 0, len(c.faults))
	for _, f := range c.faults {
		out = append(out, *f)
	}
	return out
}

// ClearFaults disarms every fault.
func (c *Controls) ClearFaults() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.faults = nil
}

// takeFault returns the first armed fault matching the request, counting one use of it.
func (c *Controls) takeFault(method, path string) (Fault, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, f := range c.faults {
		if !f.matches(method, path) {
			continue
		}
		hit := *f
		if f.Count > 0 {
			f.Count--
			if f.Count == 0 {
				c.faults = append(c.faults[:i], c.faults[i+1:]...)
			}
		}
		return hit, true
	}
	return Fault{}, false
}

func (f *Fault) matches(method, path string) bool {
	if f.Method != "" && f.Method != method {
		return false
	}
	if n := len(f.Path); n > 0 && f.Path[n-1] == '*' {
		return len(path) >= n-1 && path[:n-1] == f.Path[:n-1]
	}
	return f.Path == path
}

// Requests returns the request log, oldest first.
func (c *Controls) Requests() []Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Request(nil), c.requests...)
}

// ClearRequests empties the request log.
func (c *Controls) ClearRequests() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests = nil
}

// arrive counts a request in and returns how many are being served now.
func (c *Controls) arrive() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight++
	return c.inFlight
}

func (c *Controls) leave() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight--
}

func (c *Controls) record(r Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.requests) >= maxLoggedRequests {
		// Drop the older half at once, so recording stays cheap in long benchmarks.
		c.requests = append([]Request(nil), c.requests[maxLoggedRequests/2:]...)
	}
	c.requests = append(c.requests, r)
	line := r.Time.Format("15:04:05.000") + " " + r.Method + " " + r.Path
	if r.Query != "" {
		line += "?" + r.Query
	}
	fmt.Fprintf(c.log, "%s %d %.1fms\n", line, r.Status, r.DurationMS)
}
