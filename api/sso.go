package api

import (
	"context"
	"net/http"
)

// CannyAuth returns a Canny SSO token for the signed-in user (B22).
func (c *Client) CannyAuth(ctx context.Context) (string, error) {
	var r struct {
		Token string `json:"token"`
	}
	if err := c.write(ctx, call{op: "CannyAuth", method: http.MethodPost, path: "/v1/sso/canny", keepCache: true}, &r); err != nil {
		return "", err
	}
	return r.Token, nil
}

// DiscourseAuth signs the Discourse SSO request (payload and sig as the
// Discourse site sent them) for the signed-in user (B22).
func (c *Client) DiscourseAuth(ctx context.Context, payload, sig string) (*DiscourseAuthReply, error) {
	var r DiscourseAuthReply
	err := c.write(ctx, call{op: "DiscourseAuth", method: http.MethodPost, path: "/v1/sso/discourse", keepCache: true,
		body: map[string]string{"payload": payload, "sig": sig}}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
}
