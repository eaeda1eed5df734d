#!/usr/bin/env bash
# The browser module's weight as a citizen downloads it, against its ceiling: the
# optimised library build (`--profile wasm-release`, which the test command has just
# made) through wasm-bindgen and `wasm-opt -Oz` as `cargo leptos build --release`
# does, then `gzip -9`. Fails when the module is heavier than `bench/browser-budget`
# says, so the weight cannot creep back; the ceiling comes down as the module does,
# towards the goal the same file names.
set -euo pipefail
. "$(dirname "$0")/setup.sh"

budget_file="$ROOT/bench/browser-budget"
ceiling=$(awk '$1 == "ceiling" { print $2 }' "$budget_file")
goal=$(awk '$1 == "goal" { print $2 }' "$budget_file")
wasm="$(target_dir)/wasm32-unknown-unknown/wasm-release/app.wasm"
[ -f "$wasm" ] || { echo "no optimised browser build at $wasm" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name portal "$wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/portal_bg.wasm" -o "$out/portal.wasm"
size=$(gzip -9 -c "$out/portal.wasm" | wc -c)
echo "browser module: $size bytes gzip (ceiling $ceiling, goal $goal)"
if [ "$size" -gt "$ceiling" ]; then
  echo "the browser module is over its ceiling by $((size - ceiling)) bytes" >&2
  exit 1
fi
