package auth

import (
	"errors"
	"net/url"
)

// scrubURLError drops the query of a *url.Error's URL, so no parameter ever reaches a message.
func scrubURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery = ""
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}
