// Package faultmatrix holds the fault matrix of the TUI: each list
// screen and the auth gate against an emulator whose API fails in every way
// the command-line matrix (cmd/panel) also covers. It has no code of its own;
// the tests are the package.
package faultmatrix
