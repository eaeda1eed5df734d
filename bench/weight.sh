#!/usr/bin/env bash
# Page weight and time to a usable form step. Starts the release build on a fresh
# database with demo content and reports, for the home page, a service page, a form
# step and the inbox, the HTML and every file the page names (stylesheet, script,
# WebAssembly) in bytes: raw, gzip and brotli as the portal serves them. Then opens the
# form step in headless Chromium throttled to "Slow 4G" (end2end/bench/form-ready.mjs),
# cold and warm. Per page it says how many islands (interactive parts) it has and how
# many of them wait for first use: a page loads the WebAssembly module at once only
# where an island does not wait. PASS when every page and file answers 200, compressed
# text is smaller than raw, the files carry hashed names cached for a year, and the
# browser weight keeps its budget: the module at most 250 KB gzip, and the pages to
# read (home, service page) load none until used.
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

port=${PORT:-3601}
base="http://127.0.0.1:$port"
export PORTAL_LISTEN=127.0.0.1:$port PORTAL_PUBLIC_URL=$base
start_portal "$data/portal.log"

citizen="$data/citizen" staff="$data/staff"
curl -s -o /dev/null -c "$citizen" -d persona=citizen "$base/auth/demo"
curl -s -o /dev/null -c "$staff" -d persona=caseworker-awm "$base/auth/demo"
step=$(curl -s -b "$citizen" -o /dev/null -w '%header{location}' -X POST "$base/leistungen/sperrmuell-abholung/antrag")
[ -n "$step" ] || fail "no form step to measure"

size() { # JAR PATH ENCODING: bytes as served
  curl -s -b "$1" -o /dev/null -w '%{size_download}' ${3:+-H "Accept-Encoding: $3"} "$base$2"
}
printf '| page or file | raw | gzip | brotli |\n|---|---|---|---|\n'
declare -A seen
measure() { # LABEL JAR PATH
  local raw gz br
  raw=$(size "$2" "$3" "") gz=$(size "$2" "$3" gzip) br=$(size "$2" "$3" br)
  printf '| %s | %s | %s | %s |\n' "$1" "$raw" "$gz" "$br"
  [ "$raw" -gt 0 ] || fail "$3 is empty"
  [ "$br" -lt "$raw" ] && [ "$gz" -lt "$raw" ] || fail "$3 is not compressed"
}
at_once=""
for entry in "home page|$citizen|/" "service page|$citizen|/leistungen/sperrmuell-abholung" \
             "form step|$citizen|$step" "inbox|$staff|/bearbeitung"; do
  IFS='|' read -r label jar path <<<"$entry"
  status=$(curl -s -b "$jar" -o "$data/page.html" -w '%{http_code}' "$base$path")
  [ "$status" = 200 ] || fail "$path answered $status"
  measure "$label (HTML)" "$jar" "$path"
  # In the markup outside scripts (the loader names both); each on-use wrapper holds
  # one island (the header's search field).
  perl -0pe 's{<script\b.*?</script>}{}gs' "$data/page.html" > "$data/markup.html"
  islands=$(grep -o '<leptos-island' "$data/markup.html" | wc -l)
  waiting=$(grep -o 'data-hydrate="on-use"' "$data/markup.html" | wc -l)
  at_once+="| $label | $islands | $waiting | $([ "$islands" -gt "$waiting" ] && echo yes || echo no) |"$'\n'
  case "$label" in
    "home page" | "service page")
      [ "$islands" -le "$waiting" ] || fail "$label loads WebAssembly before it is used" ;;
  esac
  for asset in $(grep -oE '/pkg/[^"]+\.(css|js|wasm)' "$data/page.html" | sort -u); do
    [ -n "${seen[$asset]:-}" ] && continue
    seen[$asset]=1
    measure "${asset##*/}" "$jar" "$asset"
    if [[ "$asset" == *.wasm ]]; then
      gz=$(size "$jar" "$asset" gzip)
      [ "$gz" -le 256000 ] || fail "the WebAssembly module is $gz bytes gzip, over the 250 KB budget"
    fi
    cache=$(curl -s -o /dev/null -D - "$base$asset" | tr -d '\r' | awk -F': ' 'tolower($1) == "cache-control" { print $2 }')
    [ "$cache" = "public, max-age=31536000, immutable" ] || fail "$asset is cached as '$cache'"
  done
done

echo
printf '| page | islands | waiting for use | WebAssembly at load |\n|---|---|---|---|\n%s' "$at_once"

echo
echo "form step in Chromium, Slow 4G (562.5 ms round trip, 180 KB/s down):"
cookie=$(awk 'NF >= 7 && $6 == "portal_session" { printf "%s=%s", $6, $7 }' "$citizen")
(cd end2end && node bench/form-ready.mjs "$base$step" "$cookie") || fail "the browser could not open the form step"

verdict "every page and file served, compressed, hashed names cached for a year, within the browser budget"
