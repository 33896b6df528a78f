package app

import (
	"context"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
)

// SetSentWait sets how long a switch waits for its reads to be on the wire, for the test.
func SetSentWait(t *testing.T, d time.Duration) {
	was := sentWait
	sentWait = d
	t.Cleanup(func() { sentWait = was })
}

// ProjectOf settles the current project of orgID as CurrentProject does once it has read that the session is in
// orgID: a test stands for a switch landing between that read and the API's.
func (a *App) ProjectOf(ctx context.Context, orgID string) (*api.Project, *api.Organization, error) {
	return a.projectOf(ctx, orgID)
}
