#!/usr/bin/env bash
# The upload folder's disk is full. Starts the portal with `files_dir` on a small tmpfs
# (needs root to mount it), fills it, and has a citizen upload the registration of a
# residents' parking permit: the citizen must get the step back with a message that
# the file could not be stored, the answers given so far must still be in the draft,
# no partial file may be left, and once space is free the same upload must go through.
# Prints PASS or FAIL. Needs a portal build (release; BENCH_PORTAL_BIN names another).
set -euo pipefail
. "$(dirname "$0")/seeded.sh"
[ "$(id -u)" = 0 ] || { echo "FAIL: mounting the small file system needs root"; exit 1; }

port=${PORT:-3701}
base="http://127.0.0.1:$port"
files="$data/files"
mkdir -p "$files"
mount -t tmpfs -o size=512k tmpfs "$files"
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; umount "$files" 2>/dev/null; rm -rf "$data"' EXIT
export PORTAL_LISTEN=127.0.0.1:$port PORTAL_FILES_DIR=$files
start_portal "$data/portal.log"

jar="$data/jar"
at_vehicle_step

photo="$data/registration.jpg"
{ printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00'
  head -c 200000 /dev/urandom; printf '\xff\xd9'; } >"$photo"
dd if=/dev/zero of="$files/filler" bs=4k 2>/dev/null || true
echo "upload folder: $(df -k --output=avail "$files" | tail -1 | tr -d ' ') KB free"

upload() { location -F "plate=M-VS 1" -F holder=self -F "registration=@$photo;type=image/jpeg" "$base$vehicle"; }
refused=$(upload)
echo "with the disk full the upload led to: $refused"
[[ $refused == */vehicle#* ]] || fail "the step did not come back with an error"
page=$(curl -s -b "$jar" "$base$vehicle")
grep -q 'konnte gerade nicht gespeichert werden' <<<"$page" || fail "no message that the file could not be stored"
grep -q 'value="M-VS 1"' <<<"$page" || fail "the plate typed in this step is lost"
person=$(curl -s -b "$jar" "$base$first")
grep -q 'value="Marienplatz"' <<<"$person" || fail "the first step's answers are lost"
left=$(find "$files" -type f ! -name filler | wc -l)
[ "$left" = 0 ] || fail "$left partial files left in the upload folder"
grep -q "an upload could not be stored" "$data/portal.log" || fail "the operators' log does not say why"
kill -0 "$server" || fail "the portal died"

rm -f "$files/filler"
accepted=$(upload)
echo "with space again the upload led to: $accepted"
[[ $accepted == */declaration ]] || fail "the upload was refused with space free"

verdict "a clear error, the draft kept, nothing half-stored, the same upload works once there is space"
