#!/usr/bin/env bash
# Streamed exports at scale: seeds CASES requests with their cases (default 300,000)
# into a fresh database, then downloads the whole inbox of a caseworker of the waste
# management department and the KVR as CSV and as JSON lines with curl, and reports the
# cases exported, the time, and the server's resident memory before and at its peak.
#   bench/export.sh                                       SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/export.sh   an empty PostgreSQL database
# Needs a release build; BENCH_PORTAL_BIN, CASES and PORT override the defaults.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

cases=${CASES:-300000}
port=${PORT:-3202}
export PORTAL_LISTEN=127.0.0.1:$port

"$bin" seed --cases "$cases" --seed 1
"$bin" serve &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
jar="$data/cookies"
curl -sf -o /dev/null -c "$jar" -d persona=caseworker-awm "$base/auth/demo"
# Warm up: one inbox page, so the baseline includes a served page.
curl -sf -o /dev/null -b "$jar" "$base/bearbeitung"
rss() { awk "/$1/ { print \$2 }" /proc/$server/status; }
echo "server resident memory before the exports: $(rss VmRSS) kB"

printf '\n| export | cases | bytes | seconds | server peak RSS so far |\n|---|---|---|---|---|\n'
for format in csv jsonl; do
  out="$data/export.$format"
  seconds=$( { /usr/bin/time -f %e curl -sf -b "$jar" -o "$out" "$base/bearbeitung/export.$format"; } 2>&1 )
  rows=$(wc -l <"$out")
  [ "$format" = csv ] && rows=$((rows - 1))
  printf '| %s | %s | %s | %s | %s kB |\n' "$format" "$rows" "$(stat -c %s "$out")" "$seconds" "$(rss VmHWM)"
done
