package logs

import (
	"context"
	"errors"
	"fmt"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// resolveService finds the service a logs command names: on a terminal, an
// ambiguous name asks which one; elsewhere it fails listing the candidates.
func resolveService(ctx context.Context, ios *cmdutil.IOStreams, a *app.App, query string) (*api.Service, error) {
	s, _, err := a.ResolveService(ctx, query)
	var amb *app.AmbiguousServiceError
	if !errors.As(err, &amb) || !ios.Terminal {
		return s, err // cmdutil.Explain lists the candidates
	}
	i, cerr := cmdutil.Choose(ios, fmt.Sprintf("%q is the name of several services:", query), cmdutil.ServiceLabels(amb))
	if cerr != nil {
		return nil, cerr
	}
	return a.API.GetService(ctx, amb.Candidates[i].ID)
}
