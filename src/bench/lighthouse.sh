#!/usr/bin/env bash
# Lighthouse scores of the theme: the home page and every demo essay, phone (Lighthouse's mobile
# preset) and desktop, on the jar serving the demo (the repository's posts/, and static/ with the
# figure it adds) from a folder of its own: the theme comes from the jar. Prints performance, accessibility, best practices and
# SEO, with the layout shift, blocking time and largest paint behind the performance score.
#
#   src/bench/lighthouse.sh [--runs N] [--jar PATH]
#
# --runs N (default 1) runs each page N times and keeps the median of each figure. Needs a built
# target/essayist.jar, Chromium (CHROME_PATH, default /usr/bin/chromium), node and npm: Lighthouse
# is installed from npm into ~/.cache/essayist-lighthouse on first use. Loopback only. Exits 1
# when accessibility, best practices or SEO is below 100 or the layout shift above 0.01 anywhere;
# performance depends on the machine's load (Lighthouse simulates a 4x slower CPU from the
# timings it observes), so it is reported, not judged.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=1
LIGHTHOUSE_VERSION=12.8.2
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--jar PATH]" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q package -DskipTests" >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
command -v npm >/dev/null || { echo "npm is needed to install Lighthouse" >&2; exit 1; }
TOOLS=${LIGHTHOUSE_DIR:-$HOME/.cache/essayist-lighthouse}
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  npm install --silent --prefix "$TOOLS" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

workdir lighthouse
cp -r "$REPO/posts" "$WORK/posts"
cp -r "$REPO/static" "$WORK/static"
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
(cd "$WORK" && ESSAYIST_BASE_URL=$BASE ESSAYIST_INDEX_DIR="$WORK/index" MICRONAUT_SERVER_PORT=$PORT \
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_IO_WATCH_ENABLED=false exec java -Xmx512m -jar "$JAR") >"$WORK/app.log" 2>&1 &
track $!
wait_200 "$BASE/" 120 || { echo "the server did not start; log: $WORK/app.log" >&2; tail -5 "$WORK/app.log" >&2; exit 1; }

PAGES=("/" $(curl -s "$BASE/sitemap.xml" | grep -o "$BASE/posts/[^<]*" | sed "s|$BASE||"))
mkdir -p "$WORK/reports"
printf '%-45s %-8s %5s %5s %5s %5s %7s %7s %7s\n' page device perf a11y bp seo CLS TBT LCP
status=0
for page in "${PAGES[@]}"; do
  for device in mobile desktop; do
    preset=(); [ "$device" = desktop ] && preset=(--preset=desktop)
    for run in $(seq 1 "$RUNS"); do
      "$TOOLS/node_modules/.bin/lighthouse" "$BASE$page" "${preset[@]}" --quiet --output=json \
        --output-path="$WORK/reports/$device-$run.json" \
        --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
        >/dev/null 2>&1 || { echo "lighthouse failed on $page ($device)" >&2; exit 1; }
    done
    line=$(node - "$WORK/reports" "$device" "$RUNS" <<'EOF'
const [dir, device, runs] = process.argv.slice(2);
const reports = Array.from({length: Number(runs)}, (_, i) => require(`${dir}/${device}-${i + 1}.json`));
const median = f => { const v = reports.map(f).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
const score = c => Math.round(median(r => r.categories[c].score) * 100);
const audit = a => median(r => r.audits[a].numericValue);
console.log([score('performance'), score('accessibility'), score('best-practices'), score('seo'),
  audit('cumulative-layout-shift').toFixed(3), Math.round(audit('total-blocking-time')) + 'ms',
  (audit('largest-contentful-paint') / 1000).toFixed(1) + 's'].join(' '));
EOF
)
    read -r perf a11y bp seo cls tbt lcp <<<"$line"
    printf '%-45s %-8s %5s %5s %5s %5s %7s %7s %7s\n' "$page" "$device" "$perf" "$a11y" "$bp" "$seo" "$cls" "$tbt" "$lcp"
    if [ "$a11y" -lt 100 ] || [ "$bp" -lt 100 ] || [ "$seo" -lt 100 ] || awk "BEGIN{exit !($cls > 0.01)}"; then
      status=1
    fi
  done
done
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exit $status
