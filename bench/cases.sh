#!/usr/bin/env bash
# Casework at scale: seeds CASES requests with their cases (default 1,000,000) into a
# fresh database, then measures with wrk (Debian package) on loopback, as a caseworker
# of the bulky-waste department: the inbox's first page, a filtered page, the second
# page, a case page, the department dashboard, and a state change (claiming a different
# case with each request).
#   bench/cases.sh                                       SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/cases.sh   an empty PostgreSQL database
# Needs a release build (`cargo leptos build --release`). BENCH_PORTAL_BIN, CASES,
# DURATION, CONNECTIONS and PORT override the defaults.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

cases=${CASES:-1000000}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
port=${PORT:-3201}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export PORTAL_LISTEN=127.0.0.1:$port
export PORTAL_DATABASE_MAX_CONNECTIONS=${PORTAL_DATABASE_MAX_CONNECTIONS:-16}

started=$SECONDS
"$bin" seed --cases "$cases" --seed 1
echo "seeded $cases requests and cases in $((SECONDS - started)) s ($(query 'SELECT COUNT(*) FROM cases_event') timeline events)"

"$bin" serve &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
jar="$data/cookies"
curl -sf -o /dev/null -c "$jar" -d persona=caseworker-awm "$base/auth/demo"
# curl writes HttpOnly cookies as comment-like lines (`#HttpOnly_…`).
cookie=$(awk 'NF >= 7 && $6 == "portal_session" { printf "%s=%s", $6, $7 }' "$jar")
[ -n "$cookie" ] || { echo "the demo sign-in gave no session" >&2; exit 1; }

awm=$(query "SELECT COUNT(*) FROM cases_case WHERE department = 'awm'")
case_id=$(query "SELECT id FROM cases_case WHERE department = 'awm' AND state = 'in_progress' LIMIT 1")
second=$(curl -sf -H "Cookie: $cookie" "$base/bearbeitung" | grep -o 'href="/bearbeitung?[^"]*nach=[^"]*"' | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
[ -n "$second" ] || { echo "the inbox has no second page" >&2; exit 1; }
echo "the department's inbox holds $awm of the cases"

printf '\n| request | requests/s | p50 | p99 |\n|---|---|---|---|\n'
measure() {
  local label=$1 path=$2
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" -H "Accept-Language: de" "$base$path")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  printf '| %s | %s | %s | %s |%s\n' "$label" "$rps" "$p50" "$p99" "${errors:+ $errors}"
}
measure "inbox, first page" "/bearbeitung"
measure "inbox, in progress, bulky waste" "/bearbeitung?zustand=in_progress&leistung=sperrmuell"
measure "inbox, overdue, oldest first" "/bearbeitung?ueberfaellig=1&aelteste=1"
measure "inbox, second page" "$second"
measure "case page" "/bearbeitung/faelle/$case_id"
measure "department dashboard" "/dienststelle"

# A state change: every request claims another submitted case.
ids="$data/ids"
query "SELECT id FROM cases_case WHERE department = 'awm' AND state = 'submitted' LIMIT 200000" >"$ids"
before=$(query "SELECT COUNT(*) FROM cases_case WHERE state = 'in_progress'")
out=$(IDS="$ids" COOKIE="$cookie" wrk -t1 -c4 -d"${duration}s" --latency -s bench/claim.lua "$base")
after=$(query "SELECT COUNT(*) FROM cases_case WHERE state = 'in_progress'")
rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
requests=$(awk '/requests in/ { print $1 }' <<<"$out")
printf '| state change (claim), 4 connections | %s | %s | %s | %s requests, %s cases claimed |\n' "$rps" "$p50" "$p99" "$requests" "$((after - before))"
echo "server peak RSS: $(awk '/VmHWM/ { print $2 " " $3 }' /proc/$server/status)"
