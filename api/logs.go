package api

import (
	"context"
	"net/http"
)

// QueryLogs returns past log lines.
func (c *Client) QueryLogs(ctx context.Context, p QueryLogsParams) (*QueryLogsReply, error) {
	return fetch[QueryLogsReply](ctx, c, call{op: "QueryLogs", method: http.MethodGet, path: "/v1/streams/logs/query", query: p.query()})
}

// GetMetrics returns metric series of a service or instance.
func (c *Client) GetMetrics(ctx context.Context, p GetMetricsParams) (*GetMetricsReply, error) {
	return fetch[GetMetricsReply](ctx, c, call{op: "GetMetrics", method: http.MethodGet, path: "/v1/streams/metrics", query: p.query()})
}
