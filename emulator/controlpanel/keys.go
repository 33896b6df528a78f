package controlpanel

import (
	"context"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"sync"
	"time"
)

// keySource finds the RSA key that verifies a token signed with kid.
type keySource interface {
	key(ctx context.Context, kid string) (*rsa.PublicKey, error)
}

var errUnknownKey = errors.New("unknown signing key")

// staticKeys is the emulator's own WorkOS key set.
type staticKeys func(kid string) (*rsa.PublicKey, bool)

func (f staticKeys) key(_ context.Context, kid string) (*rsa.PublicKey, error) {
	if f == nil {
		return nil, errUnknownKey
	}
	if k, ok := f(kid); ok {
		return k, nil
	}
	return nil, errUnknownKey
}

// jwksKeys fetches and caches another WorkOS environment's key set.
type jwksKeys struct {
	url    string
	client *http.Client

	mu        sync.Mutex
	keys      map[string]*rsa.PublicKey
	fetchedAt time.Time
}

// jwksRefetchGap keeps tokens with made-up kids from hammering the JWKS URL.
const jwksRefetchGap = 10 * time.Second

func newJWKSKeys(url string, client *http.Client) *jwksKeys {
	return &jwksKeys{url: url, client: client, keys: map[string]*rsa.PublicKey{}}
}

func (j *jwksKeys) key(ctx context.Context, kid string) (*rsa.PublicKey, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if k, ok := j.keys[kid]; ok {
		return k, nil
	}
	if !j.fetchedAt.IsZero() && time.Since(j.fetchedAt) < jwksRefetchGap {
		return nil, errUnknownKey
	}
	keys, err := fetchJWKS(ctx, j.client, j.url)
	j.fetchedAt = time.Now()
	if err != nil {
		return nil, err
	}
	j.keys = keys
	if k, ok := j.keys[kid]; ok {
		return k, nil
	}
	return nil, errUnknownKey
}

// fetchJWKS fetches the key set the emulator's operator named (--jwks-url): a request to a chosen URL is the point.
//
//nolint:gosec // G704: see above
func fetchJWKS(ctx context.Context, client *http.Client, url string) (map[string]*rsa.PublicKey, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch JWKS: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch JWKS: status %d", resp.StatusCode)
	}
	var doc struct {
		Keys []struct {
			Kty, Kid, N, E string
		} `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode JWKS: %w", err)
	}
	keys := map[string]*rsa.PublicKey{}
	for _, k := range doc.Keys {
		if k.Kty != "RSA" || k.Kid == "" {
			continue
		}
		n, errN := base64.RawURLEncoding.DecodeString(k.N)
		e, errE := base64.RawURLEncoding.DecodeString(k.E)
		if errN != nil || errE != nil {
			continue
		}
		keys[k.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	}
	return keys, nil
}
