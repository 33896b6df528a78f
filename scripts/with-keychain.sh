#!/usr/bin/env bash
# with-keychain.sh COMMAND [ARGS...]
#
# Runs COMMAND inside a private D-Bus session bus with a throwaway gnome-keyring Secret Service whose login
# collection is unlocked, so the real-keychain tests have a keychain and never touch the user's own.
# (The recipe and its pitfalls: notes/linux-keychain.md. The eval/export of GNOME_KEYRING_CONTROL matters:
# without it a second daemon without the keyring sometimes answers.)
#
# Without dbus-run-session or gnome-keyring-daemon, COMMAND runs as is: the keychain tests then skip, or
# fail under CI=true.
set -euo pipefail

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keychain: dbus-run-session or gnome-keyring-daemon is missing; running without a keychain" >&2
  exec "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/panel-keychain.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# HOME moves to the throwaway directory: keep Go's caches and settings where they are.
if command -v go >/dev/null 2>&1; then
  GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH) GOENV=$(go env GOENV)
  export GOCACHE GOMODCACHE GOPATH GOENV
fi
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p -m 700 "$HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
# A non-empty password: an empty one creates no login keyring.
KEYRING_PASS=$(head -c 18 /dev/urandom | base64)
export KEYRING_PASS

status=0
dbus-run-session -- sh -c 'eval "$(printf %s "$KEYRING_PASS" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" &&
  export GNOME_KEYRING_CONTROL &&
  gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 &&
  unset KEYRING_PASS &&
  exec "$@"' sh "$@" || status=$?
exit "$status"
