// Package components owns the widgets every list screen is built from: the
// list with its four states (loading, empty, error with `r` to retry, too
// narrow), the fuzzy filter that takes every key as text while focused, the
// confirm and type-to-confirm modals, the multi-email input with per-line
// errors, and the spinner. Components know the theme and the keys, never the
// app, the API client or the session: screens feed them data and read their
// actions. From package api they take only the input rules (api.NormalizeEmail),
// so the TUI and the commands accept the same addresses.
package components
