package controlpanel_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator/seed"
)

func discourseSig(payload string) string {
	mac := hmac.New(sha256.New, []byte(seed.DemoDiscourseSSOSecret))
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestDiscourseSSO(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	payload := base64.StdEncoding.EncodeToString([]byte("nonce=cb68251eefb5211e58c00ff1395f0c0b&return_sso_url=https%3A%2F%2Fforum.example.com%2Fsession%2Fsso_login"))
	r := alice.post("/v1/sso/discourse", map[string]string{"payload": payload, "sig": discourseSig(payload)}).want(t, http.StatusOK)

	sso, sig := r.body["sso"].(string), r.body["sig"].(string)
	// sso arrives URL-encoded: Discourse reads the decoded value and checks sig over it.
	decoded, err := url.QueryUnescape(sso)
	if err != nil {
		t.Fatal(err)
	}
	if sig != discourseSig(decoded) {
		t.Fatalf("sig %s does not sign the sso payload", sig)
	}
	raw, err := base64.StdEncoding.DecodeString(decoded)
	if err != nil {
		t.Fatal(err)
	}
	fields, err := url.ParseQuery(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	if fields.Get("nonce") != "cb68251eefb5211e58c00ff1395f0c0b" || fields.Get("email") != "alice@example.com" || fields.Get("external_id") == "" {
		t.Errorf("sso payload %v", fields)
	}

	alice.post("/v1/sso/discourse", map[string]string{"payload": payload, "sig": discourseSig("other")}).wantField(t, "sig")
	noNonce := base64.StdEncoding.EncodeToString([]byte("return_sso_url=x"))
	alice.post("/v1/sso/discourse", map[string]string{"payload": noNonce, "sig": discourseSig(noNonce)}).wantField(t, "payload")
}

func TestCannySSO(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	token := alice.post("/v1/sso/canny", nil).want(t, http.StatusOK).body["token"].(string)
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) {
		return []byte(seed.DemoCannyPrivateKey), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		t.Fatalf("canny token does not verify with the seed's key: %v", err)
	}
	if claims["email"] != "alice@example.com" || claims["id"] == "" || claims["name"] != "Alice Anders" {
		t.Errorf("canny claims %v", claims)
	}
}
