#!/usr/bin/env bash
# Soak test of "no lost session on signals" (not run in CI: it takes minutes).
#
# For each path (a refresh under `panel token`, `panel orgs switch`, the code exchange of `panel login`) and
# each signal, TRIALS times: start the command against `panel emulator`, whose WorkOS half spends the
# credential at once and sends the answer ANSWER_DELAY later, send the signal at a random point between 0
# and ANSWER_DELAY + 300 ms (before the request, while it is in flight, or while the answer is stored),
# then ask `panel token` whether the session survived. A session is lost when the next `panel token`
# fails after WorkOS spent a credential (for login: after WorkOS created a session for the exchange); each
# cell also says in how many trials the signal came after that (sent), the trials that test something.
# KILL is the one signal no process can handle: its row measures the window, it cannot be 0.
#
#   scripts/soak-signals.sh                       # 50 trials per cell
#   TRIALS=100 SIGNALS="INT TERM" PATHS=refresh scripts/soak-signals.sh
#   PANEL_BIN=/tmp/panel-old scripts/soak-signals.sh   # the commands of another build (the emulator is this tree's)
set -euo pipefail

TRIALS=${TRIALS:-50}
SIGNALS=${SIGNALS:-"INT TERM HUP KILL"}
PATHS=${PATHS:-"refresh switch login"}
ANSWER_DELAY_MS=${ANSWER_DELAY_MS:-600}

cd "$(dirname "$0")/.."
work=$(mktemp -d)
emu_pid=""
cleanup() {
	[ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null && wait "$emu_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

emulator="$work/panel"
go build -o "$emulator" ./cmd/panel
panel=${PANEL_BIN:-$emulator}
# Access tokens of 5 s are always within the 10 s refresh margin: every `panel token` refreshes.
"$emulator" emulator --json --access-token-ttl 5s >"$work/emulator.json" 2>/dev/null &
emu_pid=$!
for _ in $(seq 100); do [ -s "$work/emulator.json" ] && break; sleep 0.1; done
auth_url=$(jq -r .auth_url "$work/emulator.json")
export PANEL_CLIENT_ID=$(jq -r .client_id "$work/emulator.json")
export PANEL_AUTH_URL=$auth_url PANEL_API_URL=$(jq -r .api_url "$work/emulator.json")
export PANEL_INSECURE_STORAGE=1 BROWSER="$emulator __demo-browser"
unset PANEL_TOKEN PANEL_PROFILE PANEL_ORGANIZATION_ID

hook() { curl -sf -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$auth_url/_emulator/$2"; }
sessions() { hook GET sessions | jq length; }
random_ms() { echo $((RANDOM % ($1 + 1))); }
sleep_ms() { sleep "$(awk "BEGIN { print $1 / 1000 }")"; }

# trial PATH SIGNAL N: 1 when the session was lost, else 0.
trial() {
	local path=$1 sig=$2 n=$3 args
	export PANEL_CONFIG_DIR="$work/profile-$path-$sig"
	case $path in
	login)
		rm -rf "$PANEL_CONFIG_DIR"
		args=(login --email alice@example.com)
		;;
	*)
		if ! "$panel" token >/dev/null 2>&1; then
			"$panel" login --email alice@example.com >/dev/null 2>&1
		fi
		args=(token)
		if [ "$path" = switch ]; then
			args=(orgs switch org_globex)
			[ $((n % 2)) = 1 ] && args=(orgs switch org_acme)
		fi
		;;
	esac
	local before
	before=$(sessions)
	hook POST faults "{\"method\":\"POST\",\"path\":\"/user_management/authenticate\",\"count\":1,\"answer_delay\":\"${ANSWER_DELAY_MS}ms\"}" >/dev/null
	hook DELETE requests >/dev/null
	"$panel" "${args[@]}" >/dev/null 2>&1 &
	local pid=$!
	sleep_ms "$(random_ms $((ANSWER_DELAY_MS + 300)))"
	kill -s "$sig" "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	hook DELETE faults >/dev/null
	local spent
	spent=$(hook GET requests | jq '[(. // [])[] | select(.path == "/user_management/authenticate")] | length')
	# sent: WorkOS took the exchange (for login: it created a session), so the signal found it sent.
	local sent=1
	if [ "$spent" = 0 ] || { [ "$path" = login ] && [ "$(sessions)" = "$before" ]; }; then
		sent=0
	fi
	if "$panel" token >/dev/null 2>"$work/token.err" || [ "$sent" = 0 ]; then
		echo "0 $sent"
	else
		echo "1 $sent"
	fi
}

printf '%-8s' "signal"
for p in $PATHS; do printf '%-24s' "$p"; done
echo
for s in $SIGNALS; do
	printf '%-8s' "$s"
	for p in $PATHS; do
		lost=0 sent=0
		for n in $(seq "$TRIALS"); do
			read -r l x < <(trial "$p" "$s" "$n")
			lost=$((lost + l)) sent=$((sent + x))
		done
		printf '%-24s' "$lost/$TRIALS lost ($sent sent)"
	done
	echo
done
echo "($TRIALS trials per cell; sent: the signal came after WorkOS had taken the exchange; WorkOS answers ${ANSWER_DELAY_MS} ms after spending the credential; the signal lands at a random point in 0–$((ANSWER_DELAY_MS + 300)) ms)"
