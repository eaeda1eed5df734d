#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests and prints its URL.
#   scripts/postgres.sh start DIR PORT   -> prints postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/postgres.sh stop DIR
#   scripts/postgres.sh crash DIR        stops it at once, as a failing server would
#   scripts/postgres.sh resume DIR PORT  starts the stopped cluster again
# initdb refuses to run as root, so the cluster belongs to the `postgres` user when
# the script runs as root.
set -euo pipefail

pg_bin() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

serve() { # DIR PORT
  as_owner "$(pg_bin)/pg_ctl" -D "$1/data" -l "$1/server.log" \
    -o "-k $1 -p $2 -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" -w start >/dev/null
}

case "${1:-}" in
  start)
    dir=$2 port=$3 bin=$(pg_bin)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (initdb not found)" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    serve "$dir" "$port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  resume)
    serve "$2" "$3"
    ;;
  crash)
    as_owner "$(pg_bin)/pg_ctl" -D "$2/data" -m immediate -w stop >/dev/null
    ;;
  stop)
    dir=$2 bin=$(pg_bin)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | crash DIR | resume DIR PORT" >&2
    exit 2
    ;;
esac
