package orgs

import "github.com/panel-dev/panel/app"

// rowChunk is how many rows a chunk of rowStore holds.
const rowChunk = 4096

// rowStore holds the switcher's rows in fixed chunks: appending never
// copies what is there (a doubling slice of 100,000 rows would copy them
// again and again and keep up to twice their room), and an index stays
// valid for the list, which holds indexes.
type rowStore struct {
	chunks [][]app.OrganizationSummary
	n      int
}

func (s *rowStore) len() int { return s.n }

func (s *rowStore) at(i int32) app.OrganizationSummary {
	return s.chunks[i/rowChunk][i%rowChunk]
}

func (s *rowStore) append(o app.OrganizationSummary) {
	if s.n%rowChunk == 0 {
		s.chunks = append(s.chunks, make([]app.OrganizationSummary, 0, rowChunk))
	}
	last := len(s.chunks) - 1
	s.chunks[last] = append(s.chunks[last], o)
	s.n++
}
