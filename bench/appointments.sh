#!/usr/bin/env bash
# Appointments under load (release build, loopback): imports Munich's service database
# export (../shared/data/munich-dldb), fills COUNT booked appointments (default 20,000;
# the Gewerbeamt, office 10546, first, to 90 % of its places on each free day) with
# bench/appointments_fill.py, then
#   1. measures GET /api/v1/appointments/offices/10546/days (a business registration,
#      4 slots) with wrk: DURATION seconds (default 10), CONNECTIONS (default 16);
#   2. runs a booking rush: CLIENTS clients (default 300) at once post holds for the
#      30 free places left on one day at an office whose service takes one slot
#      (10 free slots of 3 counters): exactly 30 must be held, every other client
#      led back to the day with "just taken", no 5xx.
#   bench/appointments.sh                                      SQLite in a temporary folder
# Needs a release build of the server (BENCH_PORTAL_BIN), wrk and sqlite3. PORT
# overrides the port.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

count=${COUNT:-20000}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
clients=${CLIENTS:-300}
port=${PORT:-3203}
export_dir="$ROOT/../shared/data/munich-dldb"
[ -f "$export_dir/services_de.json" ] || { echo "Munich's export is not at $export_dir" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
case $PORTAL_DATABASE_URL in sqlite:*) ;; *) echo "the fill writes SQLite only" >&2; exit 1 ;; esac
export PORTAL_LISTEN=127.0.0.1:$port PORTAL_PUBLIC_URL=http://127.0.0.1:$port
export PORTAL_DEMO_CONTENT=false PORTAL_API__PUBLIC_PER_MINUTE=0 PORTAL_APPOINTMENTS__HOLDS_PER_HOUR=0
base="http://127.0.0.1:$port"

"$bin" info import-dldb "$export_dir/services_de.json" | tail -1
start_portal "$data/portal.log"
started=$SECONDS
python3 bench/appointments_fill.py "$base" "$data/portal.db" "$count" 10546 1063423 0.9
echo "filled in $((SECONDS - started)) s"

echo "== free days of the Gewerbeamt, ${connections} connections"
days="$base/api/v1/appointments/offices/10546/days?service=1063423"
curl -sf "$days" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["days"]), "free days, first", d["days"][:1])'
wrk -t2 -c"$connections" -d"${duration}s" --latency "$days" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"

echo "== booking rush: $clients clients for 30 places"
office=10308013
service=1063425
day=$(curl -sf "$base/api/v1/appointments/offices/$office/days?service=$service" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["days"][-1])')
# The day as the rush finds it: the fill's appointments there gone, ten slots empty
# (three counters each: 30 places), every other slot full.
query "DELETE FROM appointments_appointment WHERE office = '$office' AND day = '$day'"
query "DELETE FROM appointments_slot_use WHERE office = '$office' AND day = '$day'"
slots=$(curl -sf "$base/api/v1/appointments/offices/$office/days/$day/times?service=$service" \
  | python3 -c 'import json,sys; print(" ".join(str(t["slot"]) for t in json.load(sys.stdin)["times"]))')
read -ra all <<<"$slots"
free=("${all[@]:0:10}")
for slot in "${all[@]:10}"; do
  query "INSERT INTO appointments_slot_use (office, day, slot, used, capacity) VALUES ('$office', '$day', $slot, 3, 3)"
done
python3 bench/appointments_rush.py "$base" "$office" "$service" "$day" "$(IFS=,; echo "${free[*]}")" "$clients"
held=$(query "SELECT COUNT(*) FROM appointments_appointment WHERE office = '$office' AND day = '$day'")
over=$(query "SELECT COUNT(*) FROM appointments_slot_use WHERE used > capacity")
echo "appointments held at $office on $day: $held; slots over capacity: $over"
[ "$held" -eq 30 ] || fail "$held held instead of 30"
[ "$over" -eq 0 ] || fail "$over slots over capacity"
verdict "exactly 30 of $clients clients held a place"
