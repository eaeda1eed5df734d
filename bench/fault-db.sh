#!/usr/bin/env bash
# The database goes away for 30 seconds under load. Starts a PostgreSQL cluster of its
# own and the portal on it, keeps requests coming (the A–Z list for anyone and a
# signed-in citizen's requests, both read the database), stops the cluster at once ("immediate",
# as a crash), starts it again after OUTAGE seconds (default 30), and checks:
#   - during the outage every request is answered within 5 s (no hang), with 503 and
#     the portal's own page; /readyz says 503; the process stays up;
#   - afterwards, without a restart, pages and /readyz answer 200 again within 15 s.
# Prints PASS or FAIL. Needs PostgreSQL (Debian's package) and a portal build
# (release by default; BENCH_PORTAL_BIN names another).
set -euo pipefail
. "$(dirname "$0")/../scripts/setup.sh"
cd "$ROOT"

bin=${BENCH_PORTAL_BIN:-$(target_dir)/release/portal}
[ -x "$bin" ] || { echo "no portal build at $bin" >&2; exit 1; }
outage=${OUTAGE:-30}
port=${PORT:-3401}
pg_port=${PG_PORT:-55460}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
# PostgreSQL runs as its own user when this runs as root: it must reach its folder.
chmod 755 "$work"
server=
loaders=()
cleanup() {
  [ ${#loaders[@]} -gt 0 ] && kill "${loaders[@]}" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null
  wait 2>/dev/null
  scripts/postgres.sh stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

url=$(scripts/postgres.sh start "$work/pg" "$pg_port")
export PORTAL_DATABASE_URL=$url PORTAL_DATA_DIR=$work/data PORTAL_LISTEN=127.0.0.1:$port PORTAL_LOG_FILTER=warn
"$bin" serve >"$work/portal.log" 2>&1 &
server=$!
for _ in $(seq 150); do curl -sf -o /dev/null "$base/readyz" && break; sleep 0.2; done
jar=$work/cookies
curl -sf -o /dev/null -c "$jar" -d persona=citizen "$base/auth/demo"

# Requests one after another from 4 loops; each line: seconds since start, status,
# time taken, whether the page is the portal's own.
start=$(date +%s.%N)
elapsed() { awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.3f", n - s }'; }
probe() {
  while :; do
    for path in /info /antraege; do
      # The A–Z list as a stranger sees it, the requests as their citizen does.
      cookie=(); [ "$path" = /antraege ] && cookie=(-b "$jar")
      out=$(curl -s "${cookie[@]}" -o "$work/body.$1" -w '%{http_code} %{time_total}' --max-time 20 "$base$path" || echo "000 20")
      own=$(grep -qs 'Serviceportal' "$work/body.$1" && echo own || echo bare)
      echo "$(elapsed) $path $out $own"
    done
  done
}
loaders=()
for n in 1 2 3 4; do
  probe "$n" >"$work/requests.$n.log" &
  loaders+=($!)
done

sleep 5
echo "== stopping PostgreSQL for $outage s"
down_at=$(elapsed)
scripts/postgres.sh crash "$work/pg"
sleep 3
ready_down=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/readyz" || echo 000)
sleep "$((outage - 3))"
up_at=$(elapsed)
scripts/postgres.sh resume "$work/pg" "$pg_port"
echo "== PostgreSQL is back"
recovered=
for _ in $(seq 75); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/readyz")" = 200 ] &&
     [ "$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' --max-time 5 "$base/antraege")" = 200 ]; then
    recovered=$(awk -v n="$(elapsed)" -v u="$up_at" 'BEGIN { printf "%.1f", n - u }'); break
  fi
  sleep 0.2
done
sleep 2
kill "${loaders[@]}"; wait "${loaders[@]}" 2>/dev/null || true
loaders=()
cat "$work"/requests.*.log >"$work/requests.log"

# Requests sent while the database was away (after a 1 s grace for those in flight).
awk -v from="$down_at" -v to="$up_at" '$1 > from + 1 && $1 + $4 < to' "$work/requests.log" >"$work/outage.log"
during=$(wc -l <"$work/outage.log")
slowest=$(awk 'BEGIN { m = 0 } $4 > m { m = $4 } END { print m }' "$work/outage.log")
statuses=$(awk '{ print $3 }' "$work/outage.log" | sort | uniq -c | tr '\n' ' ')
bare=$(awk '$5 == "bare"' "$work/outage.log" | wc -l)
alive=$(kill -0 "$server" 2>/dev/null && echo yes || echo no)

echo "requests during the outage: $during; statuses: $statuses; slowest ${slowest} s; not the portal's page: $bare"
echo "/readyz during the outage: $ready_down"
echo "recovered ${recovered:-never} s after the database came back; process alive: $alive"
if [ "$during" -gt 0 ] && [ "$(awk '$3 != 503' "$work/outage.log" | wc -l)" -eq 0 ] &&
   awk -v s="$slowest" 'BEGIN { exit !(s < 5) }' && [ "$bare" -eq 0 ] &&
   [ "$ready_down" = 503 ] && [ -n "$recovered" ] && [ "$alive" = yes ]; then
  echo "PASS: failed fast with the portal's page, /readyz 503, recovered without a restart"
else
  echo "FAIL"
  exit 1
fi
