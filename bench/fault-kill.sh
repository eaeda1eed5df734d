#!/usr/bin/env bash
# Kill -9 during a stream of submissions. Starts the portal on a fresh database (SQLite,
# or BENCH_DATABASE_URL), lets two citizens file residents' parking
# permits with a photo of the registration as fast as they can, kills the process with
# SIGKILL after KILL_AFTER seconds (default 8), starts it again and checks:
#   - every submission that got its receipt page is there: the request, its case with
#     the "filed" entry, the uploaded file byte for byte (SHA-256 in the answers and on
#     disk);
#   - nothing is half-written: no request without its case, no case without its request;
#   - the outboxes resume: every mail gets sent (leases of the killed process run out
#     after two minutes), each receipt once; the caseworker's search finds each
#     confirmed request exactly once.
# With BENCH_OBJECT_STORE=1 the uploads go to a bucket of the test S3 server (moto,
# from the tests' Python tools) instead of a folder, and are checked there.
# Prints PASS or FAIL. Needs a portal build (release; BENCH_PORTAL_BIN names another).
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

# The demo citizens allowed to ask for a parking permit (level "substantial").
personas=(citizen citizen-high)
kill_after=${KILL_AFTER:-8}
port=${PORT:-3501}
base="http://127.0.0.1:$port"
export PORTAL_LISTEN=127.0.0.1:$port
export PORTAL_RATE_LIMIT__LOGIN_PER_MINUTE=10000 PORTAL_RATE_LIMIT__LOGIN_BURST=10000
# Where uploads go; `stored_sha FILE` prints the SHA-256 of stored file FILE.
if [ -n "${BENCH_OBJECT_STORE:-}" ]; then
  use_object_store $((port + 1))
  stored_sha() { read_object "$1" | sha256sum | cut -d' ' -f1; }
else
  stored_sha() { sha256sum "$data/files/${1:0:2}/$1" 2>/dev/null | cut -d' ' -f1; }
fi

# Posts to PATH with curl arguments; prints the Location of the 303 it must answer,
# which must end in NEXT (a step answered with errors leads back to itself).
post() { # JAR PATH NEXT ARGS...
  local jar=$1 path=$2 next=$3; shift 3
  curl -s -b "$jar" -o /dev/null -w '%{http_code} %header{location}' --max-time 20 "$@" "$base$path" |
    awk -v next_="$next" '$1 == 303 && $2 ~ next_ { print $2; ok = 1 } END { exit !ok }'
}

# One citizen filing permits one after another (a person has one draft per service,
# so each stream is another person); each confirmed one as "ID SHA256".
stream() { # N PERSONA
  local n=$1 jar="$data/jar.$1" k=0
  curl -s -o /dev/null -c "$jar" -d "persona=$2" "$base/auth/demo"
  while :; do
    k=$((k + 1))
    local photo="$data/photo.$n.$k.jpg"
    # A JPEG by its signature, different every time.
    { printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00'
      head -c 20000 /dev/urandom; printf '\xff\xd9'; } >"$photo"
    first=$(post "$jar" /leistungen/bewohnerparkausweis/antrag '/person$' -X POST) || continue
    vehicle=$(post "$jar" "$first" '/vehicle$' -d given_name=Erika -d family_name=Muster \
      -d home.street=Marienplatz -d home.house_number=8 -d home.postcode=80331 \
      -d "home.city=München" -d email=erika.muster@example.org) || continue
    declaration=$(post "$jar" "$vehicle" '/declaration$' -F "plate=M-K $((k % 9999 + 1))" \
      -F holder=self -F "registration=@$photo;type=image/jpeg;filename=zulassung.jpg") || continue
    review=$(post "$jar" "$declaration" '/pruefen$' -d truthful=yes) || continue
    draft=$(cut -d/ -f3 <<<"$review")
    receipt=$(post "$jar" "/antraege/$draft/absenden" '/eingang/' -X POST) || continue
    echo "${receipt##*/} $(sha256sum "$photo" | cut -d' ' -f1)"
  done
}

start_portal "$data/portal-before.log"
pids=()
n=0
for persona in "${personas[@]}"; do
  n=$((n + 1))
  stream "$n" "$persona" >"$data/confirmed.$n" 2>/dev/null &
  pids+=($!)
done
sleep "$kill_after"
kill -9 "$server"
wait "$server" 2>/dev/null || true
echo "== killed the portal with SIGKILL after $kill_after s"
sleep 1
kill "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true
cat "$data"/confirmed.* >"$data/confirmed"
confirmed=$(wc -l <"$data/confirmed")
echo "$confirmed submissions were confirmed before the kill"
[ "$confirmed" -gt 0 ] || fail "no submission was confirmed before the kill"

pending=$(query 'SELECT COUNT(*) FROM kernel_mail WHERE sent_at IS NULL')
leased=$(query 'SELECT COUNT(*) FROM kernel_mail WHERE sent_at IS NULL AND lease_until IS NOT NULL')
echo "at the kill: $pending mails waiting, $leased of them taken by the killed process"
start_portal "$data/portal-after.log"

# Every confirmed request is complete, with its file.
while read -r id sha; do
  case_id=$(query "SELECT id FROM cases_case WHERE submission_id = '$id'")
  [ -n "$(query "SELECT id FROM forms_submission WHERE id = '$id'")" ] || { fail "request $id is missing"; continue; }
  [ -n "$case_id" ] || { fail "request $id has no case"; continue; }
  [ "$(query "SELECT COUNT(*) FROM cases_event WHERE case_id = '$case_id' AND kind = 'filed'")" = 1 ] ||
    fail "case $case_id has no single filed entry"
  # The request's answers name the file by its storage id and SHA-256.
  file=$(query "SELECT answers FROM forms_submission WHERE id = '$id'" |
    grep -oE "\"id\":\"[^\"]+\",\"name\":\"[^\"]*\",\"media_type\":\"[^\"]*\",\"size\":[0-9]+,\"sha256\":\"$sha\"" |
    sed -E 's/^"id":"([^"]+)".*/\1/' || true)
  [ -n "$file" ] || { fail "request $id lacks the uploaded file"; continue; }
  [ "$(stored_sha "$file")" = "$sha" ] ||
    fail "the stored file of case $case_id differs from the upload"
done <"$data/confirmed"

# Nothing half-written.
orphans=$(query "SELECT COUNT(*) FROM forms_submission s WHERE NOT EXISTS (SELECT 1 FROM cases_case c WHERE c.submission_id = s.id)")
strays=$(query "SELECT COUNT(*) FROM cases_case c WHERE NOT EXISTS (SELECT 1 FROM forms_submission s WHERE s.id = c.submission_id)")
[ "$orphans" = 0 ] || fail "$orphans requests without a case"
[ "$strays" = 0 ] || fail "$strays cases without a request"
stored=$(query "SELECT COUNT(*) FROM forms_submission")
echo "$stored requests stored ($((stored - confirmed)) filed but not confirmed before the kill)"

# The outboxes resume: every mail goes out (a killed process's lease runs out first).
for _ in $(seq 180); do
  [ "$(query 'SELECT COUNT(*) FROM kernel_mail WHERE sent_at IS NULL')" = 0 ] && break
  sleep 1
done
unsent=$(query 'SELECT COUNT(*) FROM kernel_mail WHERE sent_at IS NULL')
[ "$unsent" = 0 ] || fail "$unsent mails still unsent three minutes after the restart"
mails=$(query 'SELECT COUNT(*) FROM kernel_mail')
twice=$(query "SELECT COUNT(*) FROM (SELECT about FROM kernel_mail GROUP BY about, template, recipient HAVING COUNT(*) > 1) t")
[ "$twice" = 0 ] || fail "$twice mails queued twice"
files=$(find "$data/mail" -name '*.eml' | wc -l)
[ "$files" = "$mails" ] || fail "$files mail files for $mails mails"
echo "mails: $mails for $stored requests, $files written, $unsent unsent, none twice"

# The caseworker's search knows every confirmed request: its reference opens its case.
jar="$data/jar.staff"
curl -s -o /dev/null -c "$jar" -d persona=caseworker "$base/auth/demo"
searched=0
while read -r id _; do
  reference=$(query "SELECT reference FROM forms_submission WHERE id = '$id'")
  case_id=$(query "SELECT id FROM cases_case WHERE submission_id = '$id'")
  location=
  for _ in $(seq 20); do
    location=$(curl -s -b "$jar" -H 'Accept: text/html' -o /dev/null -w '%header{location}' "$base/bearbeitung?suche=$reference")
    [ -n "$location" ] && break
    sleep 0.5
  done
  [ "$location" = "/bearbeitung/faelle/$case_id" ] || fail "the search for $reference leads to '$location'"
  searched=$((searched + 1))
done <"$data/confirmed"
echo "search: each of $searched confirmed references opens its case"

verdict "$confirmed confirmed submissions complete with their files, nothing half-written, outboxes resumed"
