#!/bin/bash
# lighthouse.sh [COMMUNE...]: builds hoidap, serves it on a fresh data
# directory, runs Lighthouse (mobile: Moto G Power viewport, slow 4G and
# 4x CPU throttling, simulated) on each commune's chat page (default:
# demo and thuan-my-tay-ninh, a merged commune with a long list of former
# ones), on the chat page showing an answer (as the form without
# JavaScript leaves it) and on that answer's share page, RUNS times each
# (3), and prints the median run's performance, accessibility, CLS, LCP
# and TBT, and any accessibility audit that failed. Needs node/npx
# (fetches lighthouse@12.8.2 once) and a Chromium (CHROME_PATH, default
# /usr/bin/chromium). Reports are left in $OUT (default a temporary
# directory) as JSON and HTML.
set -eu
cd "$(dirname "$0")/../.."
communes=("$@")
[ ${#communes[@]} -eq 0 ] && communes=(demo thuan-my-tay-ninh)
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
port=${PORT:-18183}
runs=${RUNS:-3}
run=$(mktemp -d)
out=${OUT:-$run/reports}
mkdir -p "$out"
go build -o "$run/hoidap" ./cmd/hoidap
HOIDAP_ADDR=127.0.0.1:$port HOIDAP_DATA=$run/data HOIDAP_BASE_URL=http://127.0.0.1:$port \
  HOIDAP_RATE_LIMIT=0 HOIDAP_ADMIN_PASSWORD=Lighthouse-measure-2026 HOIDAP_LOG_LEVEL=warn \
  "$run/hoidap" serve > "$run/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$run/data" "$run/hoidap"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "hoidap did not become ready; log:"; cat "$run/log"; exit 1; }
# One answer to share.
id=$(curl -s -H 'Content-Type: application/json' -d '{"question":"đăng ký khai sinh cần giấy tờ gì","commune":"demo"}' \
  "http://127.0.0.1:$port/api/v1/ask" | sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p' | head -1)
urls=()
for c in "${communes[@]}"; do urls+=("http://127.0.0.1:$port/x/$c"); done
[ -n "$id" ] && urls+=("http://127.0.0.1:$port/x/demo?a=$id" "http://127.0.0.1:$port/a/$id")
printf '%-48s %5s %5s %7s %7s %6s  %s\n' page perf a11y CLS LCP TBT "perf of each run"
for u in "${urls[@]}"; do
  name=$(echo "${u#http://*/}" | tr '/?=' '___')
  for i in $(seq "$runs"); do
    npx --yes lighthouse@12.8.2 "$u" --form-factor=mobile --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox" --output=json --output=html --output-path="$out/$name.$i" --quiet
  done
  # The median run by performance, as Lighthouse advises for a noisy machine.
  node -e '
    const runs = process.argv.slice(2).map(f => require(f)).sort((x, y) => x.categories.performance.score - y.categories.performance.score);
    const r = runs[(runs.length - 1) >> 1], a = r.audits;
    console.log(process.argv[1].padEnd(48),
      String(Math.round(r.categories.performance.score*100)).padStart(5),
      String(Math.round(r.categories.accessibility.score*100)).padStart(5),
      a["cumulative-layout-shift"].numericValue.toFixed(3).padStart(7),
      a["largest-contentful-paint"].displayValue.padStart(7),
      a["total-blocking-time"].displayValue.padStart(6), "",
      runs.map(x => Math.round(x.categories.performance.score*100)).join(" "));
    for (const [k, v] of Object.entries(a)) if (v.score !== null && v.score < 1 && r.categories.accessibility.auditRefs.some(x => x.id === k && x.weight > 0)) console.log("   accessibility:", k, "-", v.title);
  ' "${u#http://*/}" $(for i in $(seq "$runs"); do echo "$out/$name.$i.report.json"; done)
done
echo "reports: $out"
