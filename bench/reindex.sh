#!/usr/bin/env bash
# The search index from real portal data: seeds CASES requests with their cases
# (default 100,000) into a fresh database, then times `portal search reindex` (every
# case read with its answers and timeline, as the portal indexes it: wall time, peak
# resident memory, cases a second, size on disk). Where Munich's export is in
# ../shared/data/munich-dldb, also times importing it and importing it again.
#   bench/reindex.sh                                        SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/reindex.sh   an empty PostgreSQL database
# Needs a release build; BENCH_PORTAL_BIN and CASES override the defaults.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"
export PORTAL_DEMO_CONTENT=false

cases=${CASES:-100000}
started=$SECONDS
"$bin" seed --cases "$cases" --seed 1
echo "seeded $cases requests and cases in $((SECONDS - started)) s"

# Runs `portal ARGS…`; its wall time and peak resident memory (kB) in $seconds, $rss.
timed() {
  /usr/bin/time -o "$data/time" -f '%e %M' "$bin" "$@" >"$data/out"
  read -r seconds rss < <(tail -1 "$data/time")
}

printf '\n| run | seconds | peak RSS | figure |\n|---|---|---|---|\n'
timed search reindex
size=$(du -sm "$data/search/cases" | cut -f1)
rate=$(awk -v n="$cases" -v s="$seconds" 'BEGIN { printf "%d", n / s }')
printf '| reindex %s cases | %s | %s MB | %s cases a second, %s MB on disk |\n' "$cases" "$seconds" "$((rss / 1024))" "$rate" "$size"

munich=$ROOT/../shared/data/munich-dldb/services_de.json
if [ -f "$munich" ]; then
  for run in first again; do
    timed info import-dldb "$munich"
    printf '| import Munich (%s) | %s | %s MB | %s |\n' "$run" "$seconds" "$((rss / 1024))" "$(tail -1 "$data/out")"
  done
fi
