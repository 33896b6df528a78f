package hooks

import (
	"bytes"
	"net/http"
)

// buffered is an answer written to memory, to be sent later as a whole (held or late answers). It is
// net/http/httptest's recorder reduced to what is used here: that package, linked into every panel command
// with the emulator, registers a flag and builds its test certificates at every start.
type buffered struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func newBuffered() *buffered { return &buffered{header: http.Header{}} }

func (b *buffered) Header() http.Header { return b.header }

func (b *buffered) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *buffered) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

// Flush does nothing: the whole answer goes at once. A handler that streams finds a Flusher, as with
// the recorder.
func (b *buffered) Flush() {}

// status is the code written, 200 when the handler wrote none.
func (b *buffered) status() int {
	if b.code == 0 {
		return http.StatusOK
	}
	return b.code
}

// sendTo writes the answer to w.
func (b *buffered) sendTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	w.WriteHeader(b.status())
	_, _ = w.Write(b.body.Bytes())
}
