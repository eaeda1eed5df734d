#!/usr/bin/env bash
# Throughput and latency of the main pages of a release build on loopback, with wrk
# (Debian package). Bounded: each path runs for DURATION seconds.
#   bench/pages.sh            (after `scripts/run --release` or `cargo leptos build --release`)
# BENCH_PORTAL_BIN, DURATION, CONNECTIONS and PORT override the defaults.
set -euo pipefail
. "$(dirname "$0")/../scripts/setup.sh"
cd "$ROOT"

bin=${BENCH_PORTAL_BIN:-$(target_dir)/release/portal}
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
port=${PORT:-3200}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$bin" ] || { echo "no release build at $bin" >&2; exit 1; }

data=$(mktemp -d)
PORTAL_LISTEN=127.0.0.1:$port PORTAL_DATABASE_URL="sqlite://$data/portal.db?mode=rwc" \
  PORTAL_DATA_DIR="$data" PORTAL_LOG_FILTER=warn "$bin" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

printf '| path | requests/s | p50 | p99 |\n|---|---|---|---|\n'
for path in /healthz / /toilets "/toilets?bezirk=Sendling&kostenlos=1" "/toilets?standort=48.137,11.575&offen=1" /toilets/14 /impressum; do
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Accept-Language: de" "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  printf '| `%s` | %s | %s | %s |%s\n' "$path" "$rps" "$p50" "$p99" "${errors:+ $errors}"
done
echo "server peak RSS: $(awk '/VmHWM/ { print $2 " " $3 }' /proc/$server/status)"
