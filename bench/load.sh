#!/usr/bin/env bash
# The city's mix under load. Seeds a city (SERVICES services, CITIZENS citizens, CASES
# requests with their cases; defaults 10,000 / 200,000 / 1,000,000) into a fresh
# database, starts the release build on loopback and runs `portal-load` (bench/load):
# WORKERS workers for DURATION seconds, each request drawn from the mix (60 % anonymous
# catalogue and service pages, 15 % search, 10 % "my requests", 10 % inbox and case
# pages, 5 % form steps and submissions, signed in with the demo sign-in). Before, the
# same driver measures a bare axum handler for the machine's ceiling. Prints the tables,
# the server's CPU and peak memory, and PASS or FAIL: FAIL when any request failed or a
# confirmed submission is missing from the database.
#   bench/load.sh                                              SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/load.sh   an empty PostgreSQL database
#   BENCH_DATA=/tmp/city bench/load.sh                          keeps the seeded city for the next run
# Needs a release build (`cargo leptos build --release`); builds the driver itself.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

cases=${CASES:-1000000}
citizens=${CITIZENS:-200000}
services=${SERVICES:-10000}
seconds=${DURATION:-30}
workers=${WORKERS:-32}
port=${PORT:-3301}
ceiling_port=$((port + 1))
base="http://127.0.0.1:$port"
export PORTAL_LISTEN=127.0.0.1:$port
export PORTAL_DATABASE_MAX_CONNECTIONS=${PORTAL_DATABASE_MAX_CONNECTIONS:-16}
# Every worker signs in twice from one address.
export PORTAL_RATE_LIMIT__LOGIN_PER_MINUTE=10000 PORTAL_RATE_LIMIT__LOGIN_BURST=10000

cargo build --release --quiet -p portal-load
load="$(target_dir)/release/portal-load"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

echo "== ceiling: a bare axum handler, $workers workers, $seconds s"
"$(target_dir)/release/ceiling" "127.0.0.1:$ceiling_port" &
ceiling=$!
wait_for "http://127.0.0.1:$ceiling_port/"
"$load" --only-root --url "http://127.0.0.1:$ceiling_port" --workers "$workers" --seconds "$seconds" | tee "$data/ceiling.md"
kill "$ceiling"; wait "$ceiling" 2>/dev/null || true

if [ "$(query 'SELECT COUNT(*) FROM cases_case' 2>/dev/null || echo 0)" -ge "$cases" ]; then
  echo "== $data is seeded already"
else
  echo "== seeding $services services, $citizens citizens, $cases requests"
  started=$SECONDS
  "$bin" seed --cases "$cases" --citizens "$citizens" --services "$services" --seed 1
  echo "seeded in $((SECONDS - started)) s"
fi
echo "$(query 'SELECT COUNT(*) FROM cases_case') cases, $(query 'SELECT COUNT(*) FROM cases_event') timeline events, $(query "SELECT COUNT(*) FROM info_service WHERE locale = 'de'") catalogue entries"

# A process without search indexes builds them before it serves (a minute or more for
# a million cases).
started=$SECONDS
start_portal "$data/portal.log" 3000
echo "serving after $((SECONDS - started)) s"
# Measure once the portal is idle (indexes read what seeding noted): under 5 % of a
# core in two seconds running.
idle=0
for _ in $(seq 600); do
  before=$(cpu_ticks "$server"); sleep 1; after=$(cpu_ticks "$server")
  if [ $((after - before)) -le $(($(getconf CLK_TCK) / 20)) ]; then idle=$((idle + 1)); else idle=0; fi
  [ "$idle" -ge 2 ] && break
done
for _ in $(seq 120); do
  curl -sf "$base/suche?q=Fischereischein" | grep -q 'href="/info/seed-' && break
  sleep 0.5
done
curl -sf "$base/suche?q=Fischereischein" | grep -q 'href="/info/seed-' ||
  { echo "the service search does not find the seeded catalogue" >&2; exit 1; }
filers="'demo:citizen', 'demo:citizen-low', 'demo:citizen-high'"
filed_before=$(query "SELECT COUNT(*) FROM forms_submission WHERE owner IN ($filers)")

startup_peak=$(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$server/status")
# From here the peak is the mix's own (Linux: writing 5 resets the process's peak RSS).
echo 5 >"/proc/$server/clear_refs"

echo "== the mix: $workers workers, $seconds s"
ticks_before=$(cpu_ticks "$server")
load_status=0
"$load" --url "$base" --workers "$workers" --seconds "$seconds" | tee "$data/mix.md" || load_status=$?
ticks_after=$(cpu_ticks "$server")
hz=$(getconf CLK_TCK)
filed_after=$(query "SELECT COUNT(*) FROM forms_submission WHERE owner IN ($filers)")
confirmed=$(awk '/submissions confirmed/ { print $(NF-2) }' "$data/mix.md")
portal_rate=$(awk -F'|' '$2 ~ /\*\*all\*\*/ { gsub(/ /, "", $5); print $5 }' "$data/mix.md")
ceiling_rate=$(awk -F'|' '$2 ~ /\*\*all\*\*/ { gsub(/ /, "", $5); print $5 }' "$data/ceiling.md")

echo
echo "server CPU: $(awk -v t=$((ticks_after - ticks_before)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f cores on average (%.1f s of CPU in %d s)", t / hz / s, t / hz, s }')"
echo "server peak RSS: $(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$server/status") during the mix, $startup_peak while starting (search indexes)"
echo "portal $portal_rate requests/s against the bare handler's $ceiling_rate: $(awk -v p="$portal_rate" -v c="$ceiling_rate" 'BEGIN { printf "%.1f %%", 100 * p / c }') of the ceiling"
echo "submissions: $confirmed confirmed, $((filed_after - filed_before)) more in the database"

if [ "$load_status" -eq 0 ] && [ "$confirmed" = "$((filed_after - filed_before))" ] && [ "$confirmed" -gt 0 ]; then
  echo "PASS: no request failed, every confirmed submission is stored"
else
  echo "FAIL: driver exit $load_status, $confirmed confirmed against $((filed_after - filed_before)) stored"
  exit 1
fi
