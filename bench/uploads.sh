#!/usr/bin/env bash
# Upload throughput of one citizen: uploads a photo of SIZE_MB megabytes (default 4.5,
# under the field's 5 MB) to the vehicle step of a residents' parking permit ROUNDS
# times (default 20), removing it between rounds, and prints the median and slowest
# time per upload and the megabytes per second of the median. With
# BENCH_OBJECT_STORE=1 the uploads go to a bucket of the test S3 server (moto) instead
# of the folder. Needs a portal build (release; BENCH_PORTAL_BIN names another).
set -euo pipefail
. "$(dirname "$0")/seeded.sh"

port=${PORT:-3521}
base="http://127.0.0.1:$port"
rounds=${ROUNDS:-20}
size_kb=$(awk -v mb="${SIZE_MB:-4.5}" 'BEGIN { printf "%d", mb * 1024 }')
export PORTAL_LISTEN=127.0.0.1:$port
[ -n "${BENCH_OBJECT_STORE:-}" ] && use_object_store $((port + 1))
start_portal "$data/portal.log"

jar="$data/jar"
at_vehicle_step

photo="$data/photo.jpg"
{ printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00'
  head -c $((size_kb * 1024)) /dev/urandom; printf '\xff\xd9'; } >"$photo"

times="$data/times"
: >"$times"
for _ in $(seq "$rounds"); do
  answer=$(curl -s -b "$jar" -o /dev/null -w '%{http_code} %header{location} %{time_total}' \
    -F "plate=M-UP 1" -F holder=self -F action=save \
    -F "registration=@$photo;type=image/jpeg" "$base$vehicle")
  read -r status target seconds <<<"$answer"
  [ "$status" = 303 ] && [[ $target != *fehler* ]] || { echo "upload refused: $answer" >&2; exit 1; }
  echo "$seconds" >>"$times"
  remove=$(curl -s -b "$jar" "$base$vehicle" | grep -oE 'remove-file:registration/[0-9a-f-]+' | head -1)
  [ -n "$remove" ] || { echo "no file to remove on the step" >&2; exit 1; }
  location -F "plate=M-UP 1" -F holder=self -F "action=$remove" "$base$vehicle" >/dev/null
done
sort -n "$times" | awk -v kb="$size_kb" -v store="${BENCH_OBJECT_STORE:+bucket (moto)}" '
  { t[NR] = $1 }
  END {
    median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%d uploads of %.1f MB into the %s: median %.0f ms, slowest %.0f ms, %.1f MB/s\n",
      NR, kb / 1024, store ? store : "folder", median * 1000, t[NR] * 1000, kb / 1024 / median
  }'
