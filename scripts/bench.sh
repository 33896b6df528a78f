#!/usr/bin/env bash
# The figures of README "Performance": go run ./bench inside a throwaway keychain (scripts/with-keychain.sh), so
# tokens live in a real Secret Service as they do for users; then the same with tokens in the 0600 file.
# Arguments go to both runs (e.g. -runs 9, -only switch-cli). Raw output and tables: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || echo "bench: hyperfine not installed (apt-get install -y hyperfine); using exec loops only" >&2
scripts/with-keychain.sh go run ./bench -storage auto "$@"
go run ./bench -storage file "$@"
