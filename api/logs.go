package api

import (
	"context"
	"net/http"
)

// QueryLogs returns past log lines.
func (c *Client) QueryLogs(ctx context.Context, p QueryLogsParams) (*QueryLogsReply, error) {
	var r QueryLogsReply
	err := c.read(ctx, call{op: "QueryLogs", method: http.MethodGet, path: "/v1/streams/logs/query", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// GetMetrics returns metric series of a service or instance.
func (c *Client) GetMetrics(ctx context.Context, p GetMetricsParams) (*GetMetricsReply, error) {
	var r GetMetricsReply
	err := c.read(ctx, call{op: "GetMetrics", method: http.MethodGet, path: "/v1/streams/metrics", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
}
