# Sourced by the benchmarks that work on a seeded database: checks for the release
# build ($bin), makes a temporary folder ($data), points the portal at SQLite there or
# at BENCH_DATABASE_URL, stops the server a script started (its pid in $server) and
# removes the folder on exit (unless it is BENCH_DATA), and offers `query SQL` against that database (sqlite3 or
# psql), one value per line, `start_portal`, `wait_for`, `use_object_store` (uploads in a
# bucket of the test S3 server), and `fail`/`verdict` for checks.
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
cd "$ROOT"

bin=${BENCH_PORTAL_BIN:-$(target_dir)/release/portal}
[ -x "$bin" ] || { echo "no release build at $bin" >&2; exit 1; }

# BENCH_DATA names a folder to keep (the seeded database and the search indexes), so
# that a second run skips seeding; by default a temporary one, removed at the end.
if [ -n "${BENCH_DATA:-}" ]; then
  data=$BENCH_DATA
  mkdir -p "$data"
  keep=1
else
  data=$(mktemp -d)
  keep=
fi
export PORTAL_DATABASE_URL=${BENCH_DATABASE_URL:-"sqlite://$data/portal.db?mode=rwc"}
export PORTAL_DATA_DIR=$data PORTAL_LOG_FILTER=warn
# The portal's pid, and those of helper servers a script started (stopped on exit too).
server=
helpers=
trap '[ -n "$server" ] && kill $server 2>/dev/null; [ -n "$helpers" ] && kill $helpers 2>/dev/null; wait 2>/dev/null; [ -n "$keep" ] || rm -rf "$data"' EXIT

query() {
  case $PORTAL_DATABASE_URL in
    sqlite:*) sqlite3 "$data/portal.db" "$1" ;;
    *) psql -qtAX "$PORTAL_DATABASE_URL" -c "$1" ;;
  esac
}

# Waits until URL answers: every 0.2 s, TRIES times (default 300, a minute).
wait_for() { # URL [TRIES]
  for _ in $(seq "${2:-300}"); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "no answer from $1" >&2; return 1
}

# Starts the portal on $base with its log in LOG (its pid in $server) and waits until
# it is ready (TRIES as for wait_for).
start_portal() { # LOG [TRIES]
  "$bin" serve >"$1" 2>&1 &
  server=$!
  wait_for "$base/readyz" "${2:-300}" || { echo "the portal did not start (see $1)" >&2; exit 1; }
}

# Starts the test S3 server (moto, from the tests' Python tools) on PORT with the bucket
# portal-files and points the portal's uploads at it; `read_object ID` prints an object.
use_object_store() { # PORT
  ensure_test_python
  "$PORTAL_TEST_PYTHON" end2end/s3/server.py --port "$1" --bucket portal-files --forever \
    >"$data/s3.out" 2>"$data/s3.log" &
  helpers="$helpers $!"
  for _ in $(seq 100); do grep -q ready "$data/s3.out" && break; sleep 0.2; done
  grep -q ready "$data/s3.out" || { echo "the S3 server did not start (see $data/s3.log)" >&2; exit 1; }
  export PORTAL_OBJECT_STORE__BUCKET=portal-files
  export PORTAL_OBJECT_STORE__ENDPOINT=http://127.0.0.1:$1
  export PORTAL_OBJECT_STORE__ACCESS_KEY_ID=portal-test
  export PORTAL_OBJECT_STORE__SECRET_ACCESS_KEY=portal-test-secret
  echo "== uploads go to the bucket portal-files at $PORTAL_OBJECT_STORE__ENDPOINT"
}

# Object ID of the bucket, read as any S3 client would: a signed GET.
read_object() { # ID
  curl -sf --aws-sigv4 aws:amz:eu-central-1:s3 --user portal-test:portal-test-secret \
    "$PORTAL_OBJECT_STORE__ENDPOINT/portal-files/$1"
}

# A citizen (cookie jar $jar) on the vehicle step of a residents' parking permit: signs
# in at $base, fills the first step ($first, its path) and sets $vehicle to the
# vehicle step's path. `location
# ARGS…` prints the Location a request with the jar is answered with.
location() { curl -s -b "$jar" -o /dev/null -w '%header{location}' "$@"; }
at_vehicle_step() {
  curl -s -o /dev/null -c "$jar" -d persona=citizen "$base/auth/demo"
  first=$(location -X POST "$base/leistungen/bewohnerparkausweis/antrag")
  vehicle=$(location -d given_name=Erika -d family_name=Mustermann -d home.street=Marienplatz \
    -d home.house_number=8 -d home.postcode=80331 -d "home.city=München" \
    -d email=erika@example.org "$base$first")
  [[ $vehicle == */vehicle ]] || { echo "the first step did not lead on ($vehicle)" >&2; exit 1; }
}

# Checks count their problems; `verdict TEXT` ends the script with PASS: TEXT or FAIL.
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
verdict() { # TEXT
  if [ "$failures" -eq 0 ]; then echo "PASS: $*"; else echo "FAIL: $failures problems"; exit 1; fi
}
