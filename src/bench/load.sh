#!/usr/bin/env bash
# Essayist under load while its essays change. Runs wrk over a mix of routes (pages, tags, feeds,
# a static file, a 404) while a second process edits, breaks, fixes, adds and deletes essays every
# 100 ms in a temporary copy of posts/. Reports 5xx answers, socket errors (connect, read, write,
# timeout), and the heap after a forced GC in the first and the last 10 seconds.
#
#   src/bench/load.sh [--duration SECONDS] [--connections C] [--port PORT] [--no-build]
#
# Defaults: 60 s, 100 connections, port 8080. Needs a JDK 17+ (java, jcmd), Maven, curl and wrk
# (apt-get install wrk). Loopback only; every wait is bounded; every process it starts is stopped
# by its pid on exit. Exits 1 when any 5xx or socket error occurred, the heap grew, or the server
# died. Not part of `mvn verify`.
set -euo pipefail

DURATION=60
CONNECTIONS=100
THREADS=2
PORT=8080
BUILD=1
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--duration SECONDS] [--connections C] [--port PORT] [--no-build]" >&2; exit 2 ;;
  esac
done
[ "$DURATION" -ge 20 ] || { echo "--duration must be at least 20 s (two 10 s heap windows)" >&2; exit 2; }

for tool in java jcmd mvn curl wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (wrk: sudo apt-get install wrk)" >&2; exit 1; }
done

source "$(dirname "$0")/lib.sh"
BASE=http://localhost:$PORT
workdir load

if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  echo "port $PORT is already in use; pass --port" >&2; exit 1
fi
if [ $BUILD = 1 ] || [ ! -f "$JAR" ]; then
  (cd "$REPO" && mvn -B -q package -DskipTests)
fi

cp -r "$REPO/posts" "$WORK/posts"
ESSAYIST_POSTS_DIR=$WORK/posts ESSAYIST_STATIC_DIR=$REPO/static MICRONAUT_SERVER_PORT=$PORT \
  java $JAVA_OPTS -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
track "$APP"
for _ in $(seq 1 120); do
  curl -s -o /dev/null --max-time 2 "$BASE/" && break
  kill -0 "$APP" 2>/dev/null || { echo "the server died at start:" >&2; cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -s -o /dev/null --max-time 2 "$BASE/" || { echo "the server did not answer within 60 s" >&2; exit 1; }

# The route mix: fixed routes, every essay and tag the server lists, the feeds that exist on this
# build, a 404, and the essay the editor adds and deletes.
{
  printf '%s\n' / /archive /tags /about /feed.xml /static/css/site.css /no-such-page /posts/load-added
  curl -s "$BASE/archive" | grep -o 'href="/posts/[^"#?]*"' | cut -d'"' -f2
  curl -s "$BASE/tags" | grep -o 'href="/tags/[^"#?/]*"' | cut -d'"' -f2
  for path in /atom.xml /feed.json /sitemap.xml "/search?q=postgres"; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")" = 200 ]; then echo "$path"; fi
  done
} | sort -u > "$WORK/paths.txt"

# The editor: one change every 100 ms, cycling edit, break, fix, add, delete.
editor() {
  local essay original added i=0 end=$((SECONDS + DURATION))
  essay=$(ls "$WORK"/posts/*.md | head -1)
  original=$WORK/original.md
  added=$WORK/posts/2025-12-01-load-added.md
  cp "$essay" "$original"
  while [ $SECONDS -lt $end ]; do
    case $((i % 5)) in
      0) printf '\nEdited paragraph %d.\n' "$i" >> "$essay" ;;
      1) printf -- '---\ntitle: [unclosed\ndate: not-a-date\n---\nBroken on purpose.\n' > "$essay" ;;
      2) cp "$original" "$essay" ;;
      3) printf -- '---\ntitle: "Added under load %d"\ndate: 2025-12-01\nslug: load-added\ntags: [Load]\n---\nAdded.\n' "$i" > "$added" ;;
      4) rm -f "$added" ;;
    esac
    i=$((i + 1))
    sleep 0.1
  done
  echo "$i" > "$WORK/edits.txt"
}

# Heap in use (KiB) right after a full GC, about every 5 s, stamped with the seconds since the load
# began: young + old generations (or G1's one heap), as jcmd GC.heap_info reports them.
sampler() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "$DURATION" ]; do
    sleep 5
    jcmd "$APP" GC.run > /dev/null 2>&1 || return 0
    jcmd "$APP" GC.heap_info 2>/dev/null \
      | grep -oE 'total [0-9]+K, used [0-9]+K' | grep -oE 'used [0-9]+' \
      | awk -v t=$((SECONDS - start)) '{s += $2} END {print t, s}' >> "$WORK/heap.txt"
  done
}

editor & EDITOR_PID=$!
sampler & SAMPLER_PID=$!
track "$EDITOR_PID" "$SAMPLER_PID"
# A request slower than 30 s counts as a timeout (reported with the socket errors).
LOAD_PATHS=$WORK/paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency \
  -s "$REPO/src/bench/load.lua" "$BASE" > "$WORK/wrk.txt" 2>&1 || true
# Both end on their own within a few seconds of the load; the sampler's last sample is the last window.
wait "$EDITOR_PID" "$SAMPLER_PID" || true

alive=yes; kill -0 "$APP" 2>/dev/null || alive=no
requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
server_errors=$(awk -F': ' '/5xx responses/ {print $2}' "$WORK/wrk.txt")
non2xx=$(awk -F': ' '/Non-2xx or 3xx/ {print $2}' "$WORK/wrk.txt")
socket=$(grep -oE 'Socket errors: .*' "$WORK/wrk.txt" || echo "Socket errors: none")
socket_total=$(echo "$socket" | { grep -oE '[0-9]+' || true; } | awk '{s += $1} END {print s + 0}')
# The live set is the smallest heap seen after a forced GC: compare the first third of the run
# with the last third (single samples swing with whatever was in flight at that moment).
first=$(awk -v d="$DURATION" '$1 <= d / 3 && (m == "" || $2 < m) {m = $2} END {if (m != "") printf "%d", m}' "$WORK/heap.txt")
last=$(awk -v d="$DURATION" '$1 >= d * 2 / 3 && (m == "" || $2 < m) {m = $2} END {if (m != "") printf "%d", m}' "$WORK/heap.txt")
# Flat: the last third's live set within 20 % (and at least 8 MiB) of the first third's.
flat=$(awk -v f="${first:-0}" -v l="${last:-0}" 'BEGIN {m = f * 0.2; if (m < 8192) m = 8192; print (f > 0 && l > 0 && l - f <= m) ? "yes" : "no"}')

cat <<EOF
Essayist load run: $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION} s, ${CONNECTIONS} connections, ${THREADS} wrk threads, JAVA_OPTS=$JAVA_OPTS
routes:          $(wc -l < "$WORK/paths.txt") ($(tr '\n' ' ' < "$WORK/paths.txt"))
essay changes:   $(cat "$WORK/edits.txt" 2>/dev/null || echo 0) (edit, break, fix, add, delete; every 100 ms)
requests:        ${requests:-0} (${rps:-0}/s, p99 ${p99:-?}); non-2xx/3xx: ${non2xx:-0} (404s by design)
5xx responses:   ${server_errors:-?}
$socket
heap after GC:   smallest in first third ${first:-?} KiB, in last third ${last:-?} KiB; flat: $flat (samples: $(awk '{printf "%ss %sK  ", $1, $2}' "$WORK/heap.txt"))
machine load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) CPUs
server alive:    $alive; ERROR lines in its log: $(grep -c ' ERROR ' "$WORK/app.log" || true) (content errors of the broken essays are expected; the most frequent:)
$(grep ' ERROR ' "$WORK/app.log" | sed -E 's/^.* - //; s/posts\/[^:]*/FILE/' | cut -c1-110 | sort | uniq -c | sort -rn | head -3)
EOF

[ "${server_errors:-1}" = 0 ] && [ "$socket_total" = 0 ] && [ "$flat" = yes ] && [ "$alive" = yes ]
