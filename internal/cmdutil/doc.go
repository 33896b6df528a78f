// Package cmdutil holds what every command of the CLI uses: the Factory that lazily builds the app, the
// IO streams, the exit codes and the words about errors, tables and JSON, prompts, and the session check.
package cmdutil
