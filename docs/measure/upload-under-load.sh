#!/bin/bash
# upload-under-load.sh SEED FILE: serves a copy of the data directory SEED
# under GOMEMLIMIT=200MiB, asks extractive questions with C connections
# (2) for DUR (20s) with hoidap-load and uploads FILE through the admin API
# 3 s in; prints the upload's answer and time, the questions' percentiles
# and the server's resident memory at start and at its peak (VmHWM).
# With REPEAT=1 it uploads FILE again and again from the start until the
# questions end, so that every question is asked during an upload.
# HOIDAP and HOIDAP_LOAD name the binaries (/tmp/hoidap, /tmp/hoidap-load);
# PORT the port served (18182).
set -u
seed=$1 file=${2:-}
run=$(mktemp -d)
cp -r "$seed"/. "$run"
GOMEMLIMIT=200MiB HOIDAP_RATE_LIMIT=0 HOIDAP_ADDR=127.0.0.1:${PORT:-18182} HOIDAP_DATA=$run \
  HOIDAP_ADMIN_TOKEN=measure-token-0123456789 HOIDAP_LOG_LEVEL=warn ${HOIDAP:-/tmp/hoidap} serve > "$run/log" 2>&1 &
pid=$!
for i in $(seq 60); do curl -sf http://127.0.0.1:${PORT:-18182}/readyz >/dev/null && break; sleep 1; done
grep VmRSS /proc/$pid/status
upload() {
  curl -s -o "$run/up.json" -w 'upload: %{http_code} in %{time_total}s\n' \
     -H 'Authorization: Bearer measure-token-0123456789' -F "file=@$file" \
     http://127.0.0.1:${PORT:-18182}/api/v1/admin/documents
}
if [ -n "$file" ]; then
  if [ -n "${REPEAT:-}" ]; then # uploads one after another until the questions end
    (sleep 0.5; while [ ! -e "$run/done" ]; do upload; done) &
  else
    (sleep 3; upload; head -c 300 "$run/up.json"; echo) &
  fi
  up=$!
fi
${HOIDAP_LOAD:-/tmp/hoidap-load} -url http://127.0.0.1:${PORT:-18182} -c ${C:-2} -d ${DUR:-20s} -warmup 1s -targets ask
touch "$run/done"
[ -n "$file" ] && wait $up
grep -E 'VmHWM|VmRSS' /proc/$pid/status
kill $pid; wait $pid
rm -rf "$run"
