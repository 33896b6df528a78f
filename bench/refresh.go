package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// refreshes counts refresh requests when tokens expire: 50 concurrent API
// calls in one process (through the token-injecting transport), and 20
// `panel token` processes started together; each repeated for -runs
// expiries, then the session must still work.
func (h *harness) refreshes() error {
	em, p, stop, err := h.signedIn("--access-token-ttl", "12s")
	if err != nil {
		return err
	}
	defer stop()
	var inProcess, processes []int
	for i := range h.runs {
		n, err := h.fiftyCalls(p, em)
		if err != nil {
			return err
		}
		inProcess = append(inProcess, n)
		h.logf("refresh run %d: 50 concurrent calls → %d refresh request(s)", i+1, n)
	}
	for i := range h.runs {
		n, err := h.twentyProcesses(p, em)
		if err != nil {
			return err
		}
		processes = append(processes, n)
		h.logf("refresh run %d: 20 processes → %d refresh request(s)", i+1, n)
	}
	lost := "0 sessions lost"
	if err := p.run("status"); err != nil {
		lost = "session LOST: " + firstLine(err.Error())
	}
	h.add(result{Name: "Refreshes: 50 concurrent API calls at expiry (one process)", Goal: "exactly 1 refresh",
		Value: counts(inProcess), Note: fmt.Sprintf("%d expiries", len(inProcess))})
	h.add(result{Name: "Refreshes: 20 `panel token` processes at expiry", Goal: "exactly 1 per expiry, 0 sessions lost",
		Value: counts(processes), Note: fmt.Sprintf("%d expiries; %s", len(processes), lost)})
	return nil
}

func counts(n []int) string {
	s := make([]string, len(n))
	for i, v := range n {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ") + " refresh(es)"
}

// waitDue waits until the stored access token is inside the 10 s refresh
// margin (the condition is the clock itself).
func waitDue(p *profile) error {
	a, err := p.app()
	if err != nil {
		return err
	}
	info, err := a.Session.Info(context.Background())
	if err != nil {
		return err
	}
	if info.ExpiresAt.IsZero() {
		return fmt.Errorf("no stored access token to wait for")
	}
	time.Sleep(time.Until(info.ExpiresAt.Add(-10*time.Second)) + 50*time.Millisecond)
	return nil
}

func (h *harness) fiftyCalls(p *profile, em *emulatorProc) (int, error) {
	if err := waitDue(p); err != nil {
		return 0, err
	}
	a, err := p.app()
	if err != nil {
		return 0, err
	}
	client := &http.Client{Transport: a.Session.Transport(nil)}
	em.clearRequests()
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get(em.URL + "/v1/account/organization")
			if err != nil {
				errs <- err
				return
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("HTTP %d", res.StatusCode)
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return countPath(em.requests(), http.MethodPost, "/user_management/authenticate"), nil
}

func (h *harness) twentyProcesses(p *profile, em *emulatorProc) (int, error) {
	if err := waitDue(p); err != nil {
		return 0, err
	}
	em.clearRequests()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.run("token"); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return countPath(em.requests(), http.MethodPost, "/user_management/authenticate"), nil
}
