package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"time"
)

// emulatorProc is `panel emulator` running as its own process, so that its
// work and memory stay out of what is measured.
type emulatorProc struct {
	URL, ClientID string
	cmd           *exec.Cmd
}

// startEmulator runs `panel emulator --json` with extra flags and waits for
// its ready line.
func startEmulator(panel string, flags ...string) (*emulatorProc, error) {
	cmd := exec.Command(panel, append([]string{"emulator", "--json"}, flags...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("panel emulator did not start: %w", err)
	}
	var ready struct {
		APIURL   string `json:"api_url"`
		ClientID string `json:"client_id"`
	}
	if err := json.Unmarshal([]byte(line), &ready); err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("panel emulator said %q: %w", line, err)
	}
	return &emulatorProc{URL: ready.APIURL, ClientID: ready.ClientID, cmd: cmd}, nil
}

func (e *emulatorProc) stop() {
	_ = e.cmd.Process.Kill()
	_ = e.cmd.Wait()
}

// loggedRequest is one entry of the emulator's request log.
type loggedRequest struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Status int       `json:"status"`
	Time   time.Time `json:"time"`
}

func (r loggedRequest) String() string { return r.Method + " " + r.Path }

func (e *emulatorProc) hook(method, path string, body any, out any) error {
	var data []byte
	if body != nil {
		data, _ = json.Marshal(body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, method, e.URL+"/_emulator/"+path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		return fmt.Errorf("emulator hook %s: HTTP %d", path, res.StatusCode)
	}
	if out != nil {
		return json.NewDecoder(res.Body).Decode(out)
	}
	return nil
}

func (e *emulatorProc) requests() []loggedRequest {
	var reqs []loggedRequest
	_ = e.hook(http.MethodGet, "requests", nil, &reqs)
	return reqs
}

func (e *emulatorProc) clearRequests() { _ = e.hook(http.MethodDelete, "requests", nil, nil) }

func (e *emulatorProc) setLatency(d time.Duration) error {
	return e.hook(http.MethodPost, "latency", map[string]string{"latency": d.String()}, nil)
}

// countPath counts logged requests to method+path.
func countPath(reqs []loggedRequest, method, path string) int {
	n := 0
	for _, r := range reqs {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// describe lists requests as "METHOD /path" joined by ", " (ids shortened).
func describe(reqs []loggedRequest) string {
	parts := make([]string, len(reqs))
	for i, r := range reqs {
		p := r.Path
		if strings.HasPrefix(p, "/v1/projects/") {
			p = "/v1/projects/{id}"
		}
		parts[i] = r.Method + " " + p
	}
	return strings.Join(parts, ", ")
}
