#!/usr/bin/env bash
# The portal's search against SQLite FTS5 and PostgreSQL full-text search over the same
# documents and queries (modules/search/benches/engines): service search over the
# catalogue and a synthetic one, case search over synthetic cases. Release build.
#
#   bench/search.sh                                  # SQLite FTS5 only beside the portal
#   BENCH_DATABASE_URL=postgres://…/postgres bench/search.sh   # PostgreSQL too
#
# BENCH_CASES (1,000,000), BENCH_SERVICES (10,000) and BENCH_ROUNDS (20) set the sizes.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
cd "$ROOT"
like_leptos_build cargo bench -p search --features ssr --bench engines
