package workos

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"sync"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages are parsed on the first page served, not when panel starts: every panel command links the
// emulator, and only `panel emulator` and `panel demo` serve a page.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templateFS, "templates/*.html"))
})

// page is the data of every hosted page.
type page struct {
	Title         string
	Error         string
	Message       string
	Query         string // the authorize request's raw query, carried through the forms
	SignUpParams  []param
	Email         string
	PendingToken  string
	Organizations []orgChoice
	UserCode      string
	Interactive   bool
}

type param struct{ Name, Value string }

type orgChoice struct{ ID, Name string }

func renderPage(w http.ResponseWriter, status int, name string, p page) {
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, name+".html", p); err != nil {
		http.Error(w, "template: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage answers a request that cannot be redirected back to the client (no valid redirect_uri).
func errorPage(w http.ResponseWriter, status int, message string) {
	renderPage(w, status, "message", page{Title: "Something went wrong", Error: message})
}
