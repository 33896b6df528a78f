package api

import (
	"context"
	"net/http"
)

// fetch runs k and decodes its answer into a new T: a GET goes through read
// (cached, retried), any other method through write.
func fetch[T any](ctx context.Context, c *Client, k call) (*T, error) {
	var r T
	var err error
	if k.method == http.MethodGet {
		err = c.read(ctx, k, &r)
	} else {
		err = c.write(ctx, k, &r)
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// fetchField runs k like fetch and returns the one field of the answer's
// envelope (e.g. {"project": ...}) that field picks.
func fetchField[E, T any](ctx context.Context, c *Client, k call, field func(*E) *T) (*T, error) {
	r, err := fetch[E](ctx, c, k)
	if err != nil {
		return nil, err
	}
	return field(r), nil
}
