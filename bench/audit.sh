#!/usr/bin/env bash
# The audit trail at scale: seeds CASES requests with their cases (default 300,000;
# every timeline event has its audit entry, about 1.1 million in all) into a fresh
# database, then times `portal audit verify` over the whole chain (wall time and peak
# resident memory), changes the detail of one entry near the end in the database and
# times the verification again, which must fail at that entry.
#   bench/audit.sh                                        SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/audit.sh   an empty PostgreSQL database
# Needs a release build; BENCH_PORTAL_BIN and CASES override the defaults.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

cases=${CASES:-300000}
started=$SECONDS
"$bin" seed --cases "$cases" --seed 1
entries=$(query "SELECT COUNT(*) FROM kernel_audit")
echo "seeded $cases requests and cases with $entries audit entries in $((SECONDS - started)) s"

# Runs the verification: its verdict in $verdict, its wall time, peak resident memory
# (kB) and exit code in $seconds, $rss and $code.
timed_verify() {
  code=0
  verdict=$(/usr/bin/time -o "$data/time" -f '%e %M' "$bin" audit verify 2>&1) || code=$?
  # time(1) writes a line about a failing exit code first.
  read -r seconds rss < <(tail -1 "$data/time")
  verdict=$(grep -o 'audit trail .*' <<<"$verdict" | tail -1)
}

printf '\n| run | entries | seconds | peak RSS | verdict |\n|---|---|---|---|---|\n'
timed_verify
[ "$code" = 0 ] || { echo "the untouched chain did not verify: $verdict" >&2; exit 1; }
printf '| intact chain | %s | %s | %s MB | %s |\n' "$entries" "$seconds" "$((rss / 1024))" "$verdict"

changed=$((entries - 10))
query "UPDATE kernel_audit SET detail = 'changed' WHERE seq = $changed" >/dev/null
timed_verify
grep -q "broken at entry $changed:" <<<"$verdict" || { echo "entry $changed was changed, yet: $verdict (exit $code)" >&2; exit 1; }
printf '| entry %s changed | %s | %s | %s MB | %s (exit %s) |\n' "$changed" "$entries" "$seconds" "$((rss / 1024))" "$verdict" "$code"
