#!/usr/bin/env bash
# The open interface under load, beside the pages it mirrors: seeds CASES requests with
# their cases (default 100,000) into a fresh database, starts the test identity provider
# (end2end/idp, for real client-credentials tokens) and the release build with one
# back-office client of the waste management department, and measures with wrk on
# loopback: GET /api/v1/cases and the caseworker inbox, GET /api/v1/cases/{id} and the
# case page (same cases, same run), and notes written through the interface.
#   bench/api.sh                                         SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://USER@HOST/DB bench/api.sh     an empty PostgreSQL database
# Needs a release build (`cargo leptos build --release`) and the npm packages of
# end2end/. BENCH_PORTAL_BIN, CASES, DURATION, CONNECTIONS and PORT override the defaults.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

cases=${CASES:-100000}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
port=${PORT:-3202}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export PORTAL_LISTEN=127.0.0.1:$port
export PORTAL_DATABASE_MAX_CONNECTIONS=${PORTAL_DATABASE_MAX_CONNECTIONS:-16}

# The identity provider, stopped with everything else on exit.
idp=
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "$idp" ] && kill $idp 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
(cd end2end && exec node idp/server.mjs --port 0 --access-token-ttl 3600) >"$data/idp.out" 2>/dev/null &
idp=$!
for _ in $(seq 100); do grep -q '^issuer ' "$data/idp.out" 2>/dev/null && break; sleep 0.1; done
issuer=$(awk '/^issuer / { print $2; exit }' "$data/idp.out")
[ -n "$issuer" ] || { echo "the identity provider did not start" >&2; exit 1; }
registration=$(curl -sf -H 'content-type: application/json' "$issuer/reg" -d \
  '{"client_name":"Benchmark","grant_types":["client_credentials"],"response_types":[],"redirect_uris":[],"token_endpoint_auth_method":"client_secret_basic"}')
client_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_id"])' <<<"$registration")
client_secret=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["client_secret"])' <<<"$registration")
token=$(curl -sf -u "$client_id:$client_secret" -d grant_type=client_credentials "$issuer/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$data/portal.toml" <<TOML
[api]
issuer_url = "$issuer"
audience = "urn:portal:api"
requests_per_minute = 100000
burst = 100000

[[api.clients]]
client_id = "$client_id"
name = "Benchmark"
departments = ["awm"]
scopes = ["cases:read", "cases:write"]
TOML

started=$SECONDS
"$bin" --config "$data/portal.toml" seed --cases "$cases" --seed 1
echo "seeded $cases requests and cases in $((SECONDS - started)) s"
"$bin" --config "$data/portal.toml" serve &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
jar="$data/cookies"
# Tom Weber works for the waste management department only, like the client.
curl -sf -o /dev/null -c "$jar" -d persona=caseworker-awm-2 "$base/auth/demo"
cookie=$(awk 'NF >= 7 && $6 == "portal_session" { printf "%s=%s", $6, $7 }' "$jar")
[ -n "$cookie" ] || { echo "the demo sign-in gave no session" >&2; exit 1; }
case_id=$(query "SELECT id FROM cases_case WHERE department = 'awm' AND state = 'in_progress' LIMIT 1")
echo "the department holds $(query "SELECT COUNT(*) FROM cases_case WHERE department = 'awm'") of the cases"

printf '\n| request | requests/s | p50 | p99 |\n|---|---|---|---|\n'
measure() {
  local label=$1; shift
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  printf '| %s | %s | %s | %s |%s\n' "$label" "$rps" "$p50" "$p99" "${errors:+ $errors}"
}
api=(-H "Authorization: Bearer $token")
page=(-H "Cookie: $cookie" -H "Accept-Language: de")
measure "GET /api/v1/cases (25 newest)" "${api[@]}" "$base/api/v1/cases"
measure "inbox, first page" "${page[@]}" "$base/bearbeitung"
measure "GET /api/v1/cases?state=in_progress&service=sperrmuell" "${api[@]}" "$base/api/v1/cases?state=in_progress&service=sperrmuell"
measure "GET /api/v1/cases/{id}" "${api[@]}" "$base/api/v1/cases/$case_id"
measure "case page" "${page[@]}" "$base/bearbeitung/faelle/$case_id"
notes_before=$(query "SELECT COUNT(*) FROM cases_event WHERE kind = 'note'")
measure "POST /api/v1/cases/{id}/notes, 4 connections" -c4 "${api[@]}" -s bench/note.lua "$base/api/v1/cases/$case_id/notes"
notes_after=$(query "SELECT COUNT(*) FROM cases_event WHERE kind = 'note'")
echo "notes written: $((notes_after - notes_before)); calls in the audit trail: $(query "SELECT COUNT(*) FROM kernel_audit WHERE action = 'api'")"
echo "server peak RSS: $(awk '/VmHWM/ { print $2 " " $3 }' /proc/$server/status)"
