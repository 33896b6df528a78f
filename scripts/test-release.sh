#!/usr/bin/env bash
# Builds a goreleaser snapshot for this machine's target only (the release config with goos/goarch narrowed to
# the host, to keep the test command short), then checks what a user would install: the .deb unpacked with
# `dpkg -x` into a throwaway folder runs `panel version` and `panel completion bash`, and carries the
# completions and man pages; the archive carries them too; the .rpm, the .apk and the Homebrew formula are
# written (never uploaded: a snapshot publishes nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

os=$(go env GOOS)
arch=$(go env GOARCH)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The Scoop manifest needs a Windows archive: on another host its section goes too (`goreleaser check` has
# validated it with the rest of the config).
sed -e "s/^    goos: \[.*\]$/    goos: [$os]/" -e "s/^    goarch: \[.*\]$/    goarch: [$arch]/" .goreleaser.yaml |
  if [ "$os" = windows ]; then cat; else awk '/^scoops:/ {skip = 1; next} /^[a-z]/ {skip = 0} !skip'; fi \
    >"$work/goreleaser.yaml"
grep -q "goos: \[$os\]" "$work/goreleaser.yaml" || { echo "could not narrow the builds to $os/$arch" >&2; exit 1; }

goreleaser release --snapshot --clean --config "$work/goreleaser.yaml"

fail() { echo "release check: $*" >&2; exit 1; }
shopt -s nullglob
debs=(dist/panel_*_"$arch".deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb for $arch in dist/, found: ${debs[*]:-none}"
for pkg in dist/panel*.rpm dist/panel*.apk; do echo "built $pkg"; done
[ -n "$(echo dist/panel*.rpm)" ] || fail "no .rpm"
[ -n "$(echo dist/panel*.apk)" ] || fail "no .apk"
[ -f dist/homebrew/Formula/panel.rb ] || fail "no Homebrew formula"
[ -f dist/scoop/panel.json ] || [ "$os" != windows ] || fail "no Scoop manifest"

root="$work/deb"
dpkg -x "${debs[0]}" "$root"
grep -q '^panel 0\.' <<<"$("$root/usr/bin/panel" version)" || fail "the packaged panel version: $("$root/usr/bin/panel" version)"
grep -q '__start_panel' <<<"$("$root/usr/bin/panel" completion bash)" || fail "the packaged panel's bash completion"
for f in usr/share/bash-completion/completions/panel usr/share/zsh/vendor-completions/_panel \
  usr/share/fish/vendor_completions.d/panel.fish usr/share/man/man1/panel.1.gz usr/share/man/man1/panel-orgs-list.1.gz; do
  [ -s "$root/$f" ] || fail "the .deb lacks /$f"
done
archive=(dist/panel_*_"$os"_"$arch".tar.gz)
listing=$(tar -tzf "${archive[0]}")
grep -qx 'completions/panel.zsh' <<<"$listing" || fail "the archive lacks completions/panel.zsh"
grep -qx 'manpages/panel.1.gz' <<<"$listing" || fail "the archive lacks manpages/panel.1.gz"
echo "release snapshot ok: ${debs[0]} runs $("$root/usr/bin/panel" version)"
