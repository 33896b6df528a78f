package status

import (
	"fmt"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/store"
)

// printStatus is the human form of the report.
func printStatus(io *cmdutil.IOStreams, info auth.Info, r statusReport) {
	w := io.Out
	fmt.Fprintf(w, "User:          %s\n", termsafe.Line(userLine(r.User, info)))
	fmt.Fprintf(w, "Organization:  %s\n", termsafe.Line(organizationLine(r.Organization)))
	fmt.Fprintf(w, "Project:       %s\n", termsafe.Line(projectLine(r.Project)))
	session := "-"
	if info.SessionID != "" {
		session = info.SessionID
	}
	if !info.ExpiresAt.IsZero() {
		left := time.Until(info.ExpiresAt).Round(time.Second)
		session += fmt.Sprintf(", access token valid until %s", info.ExpiresAt.Local().Format("15:04:05"))
		if left > 0 {
			session += fmt.Sprintf(" (%s)", left)
		} else {
			session += " (expired: the next command refreshes it)"
		}
	}
	fmt.Fprintf(w, "Session:       %s\n", termsafe.Line(session))
	fmt.Fprintf(w, "Storage:       %s\n", termsafe.Line(info.StorageReason))
}

func userLine(u any, info auth.Info) string {
	switch u := u.(type) {
	case *api.User:
		return nameAndID(u.Name, u.Email)
	case *store.User:
		return nameAndID(u.Name, u.Email)
	}
	return nameAndID("", info.Email)
}

func organizationLine(o any) string {
	switch o := o.(type) {
	case *api.Organization:
		line := nameAndID(o.Name, o.ExternalID)
		if o.Status != "" && o.Status != "ACTIVE" {
			line += " [" + string(o.Status) + "]"
		}
		return line
	case *store.Organization:
		return nameAndID(o.Name, o.ExternalID)
	}
	return "none (accept an invitation or create an organization)"
}

func projectLine(p any) string {
	switch p := p.(type) {
	case *api.Project:
		return nameAndID(p.Name, p.ID)
	case *store.Project:
		return nameAndID(p.Name, p.ID)
	}
	return "-"
}

func nameAndID(name, id string) string {
	switch {
	case name == "":
		return id
	case id == "":
		return name
	}
	return name + " (" + id + ")"
}
