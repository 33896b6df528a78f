package cmdutil

import (
	"fmt"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

// PrintSwitched says which organization and project a switch (or a create, an accept, a leave) ended in.
func PrintSwitched(ios *IOStreams, res *app.SwitchResult) {
	w := ios.Out
	if res == nil {
		return
	}
	o := res.Organization
	name := o.Name
	if name == "" {
		name = o.ExternalID // a deactivated organization switched into by its external id
	}
	fmt.Fprintf(w, "Switched to %s (%s)\n", termsafe.Line(name), termsafe.Line(o.ExternalID))
	switch {
	case res.Deactivated:
		fmt.Fprintf(w, "%s is deactivated: its data cannot be used until it is reactivated\n", termsafe.Line(name))
	case res.Project != nil:
		fmt.Fprintf(w, "Current project: %s (%s)\n", termsafe.Line(res.Project.Name), termsafe.Line(res.Project.ID))
	default:
		fmt.Fprintln(w, "The organization has no project yet")
	}
	if res.ProjectGone != "" {
		fmt.Fprintf(ios.ErrOut, "The project you last used in %s (%s) no longer exists; %s\n",
			termsafe.Line(name), termsafe.Line(res.ProjectGone), fallbackProject(res))
	}
}

// fallbackProject says what replaced a project that is gone.
func fallbackProject(res *app.SwitchResult) string {
	if res.Project == nil {
		return "it has no other project."
	}
	return "now using the default project, " + termsafe.Line(res.Project.Name) + "."
}
