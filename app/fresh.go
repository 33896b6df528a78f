package app

import (
	"context"

	"github.com/panel-dev/panel/api"
)

// Fresh returns ctx for reads that skip the query cache's fresh answers (a
// retry, a reload the user asked for); a switch invalidates the cache anyway.
func Fresh(ctx context.Context) context.Context { return api.Revalidate(ctx) }
