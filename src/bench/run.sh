#!/usr/bin/env bash
# Essayist benchmark: generates a synthetic archive, builds the jar, and measures indexing,
# start-up, memory and HTTP throughput against nginx serving the same bytes, on loopback only.
#
#   src/bench/run.sh [--essays N] [--duration SECONDS] [--connections C] [--no-build]
#
# The author's loop is measured beside Hugo in the same run, if `hugo` is installed
# (apt-get install hugo): the same essays as a Hugo site with a minimal layout, Hugo's full build
# against `check`, `export` and the cold index, each as wall and CPU seconds (medians of 3).
#
# Needs: a JDK 17+, Maven, python3, curl, wrk (apt-get install wrk); nginx is optional
# (apt-get install nginx-light) and gives the "× nginx" column. Not part of `mvn verify`.
# FAST_JAVA=/path/to/bin/java picks the JVM of the "fastest launch" rows (JDK 24+ records an AOT
# cache, older ones an AppCDS archive; default: java). Every wait is bounded; every process it
# starts is stopped by its pid on exit.
set -euo pipefail

ESSAYS=1000
DURATION=10
WARMUP=3
CONNECTIONS=50
THREADS=2
BUILD=1
# The serving JVM is the documented launch, target/essayist (the launcher the build writes; its
# flags: src/main/launcher/essayist). SERVE_OPTS adds JVM options to it (ESSAYIST_JAVA_OPTS).
SERVE_OPTS=${SERVE_OPTS:-}
# The launcher's serving flags, for the rows that run `java -jar` themselves (the fastest launch).
PLAIN_OPTS="-Xmx1g -XX:MaxGCPauseMillis=5 -XX:GCTimeRatio=4"
while [ $# -gt 0 ]; do
  case "$1" in
    --essays) ESSAYS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--essays N] [--duration SECONDS] [--connections C] [--no-build]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/lib.sh"

missing=0
for tool in java mvn python3 curl wrk; do
  if ! command -v "$tool" >/dev/null; then
    case "$tool" in
      wrk) echo "wrk is missing: sudo apt-get install wrk" >&2 ;;
      java) echo "java is missing: install a JDK 17+ (sudo apt-get install openjdk-17-jdk-headless)" >&2 ;;
      mvn) echo "mvn is missing: sudo apt-get install maven" >&2 ;;
      *) echo "$tool is missing: sudo apt-get install $tool" >&2 ;;
    esac
    missing=1
  fi
done
[ $missing = 0 ] || exit 1
NGINX=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
[ -n "$NGINX" ] || echo "nginx not found (sudo apt-get install nginx-light): the × nginx column will be empty" >&2

workdir bench

# start_essayist POSTS INDEX_DIR PORT LOG OPTS...: starts Essayist in the background by the
# documented launch (target/essayist, OPTS added), or with PLAIN=1 by `java OPTS -jar`; sets ESSAYIST_PID.
start_essayist() {
  local posts=$1 index=$2 port=$3 log=$4; shift 4
  local cmd=("$REPO/target/essayist") extra="$*"
  if [ "${PLAIN:-0}" = 1 ]; then cmd=(java "$@" -jar "$JAR"); extra=; fi
  ESSAYIST_POSTS_DIR=$posts ESSAYIST_STATIC_DIR=$REPO/static ESSAYIST_INDEX_DIR=$index \
    MICRONAUT_SERVER_PORT=$port MICRONAUT_SERVER_HOST=127.0.0.1 ESSAYIST_BASE_URL=http://127.0.0.1:$port \
    ESSAYIST_JAVA_OPTS=$extra timeout 1800 "${cmd[@]}" >"$log" 2>&1 &
  ESSAYIST_PID=$!
  track "$ESSAYIST_PID"
}

# java_pid PID: the JVM started under `timeout` (its child), for /proc/PID/status.
java_pid() { ps -o pid= --ppid "$1" | tr -d ' ' | head -1; }

# timed_start POSTS INDEX PORT LOG OPTS...: starts Essayist; sets TIMED_MS, launch to first 200.
timed_start() {
  local t0; t0=$(now_ms)
  start_essayist "$@"
  if ! wait_200 "http://127.0.0.1:$3/" 600; then
    echo "Essayist did not answer 200 within 600 s; log: $4" >&2; tail -20 "$4" >&2; exit 1
  fi
  TIMED_MS=$(( $(now_ms) - t0 ))
}

indexed_ms() { grep -o 'Indexed .* in [0-9]* ms' "$1" | tail -1 | grep -o '[0-9]* ms$' | tr -d ' ms'; }
indexed_line() { grep -o 'Indexed .*' "$1" | tail -1; }

# bench NAME URL [LUA]: a short unrecorded warm-up run (JIT), then the measured wrk run;
# appends "NAME rps p50 p99" to $WORK/http.txt.
bench() {
  local name=$1 url=$2 lua=${3:-} out
  timeout 30 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" ${lua:+-s "$lua"} "$url" >/dev/null 2>&1 || true
  out=$(timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
        ${lua:+-s "$lua"} "$url" 2>&1)
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ {printf "%d", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  [ -z "$non2xx" ] || echo "warning: $name had $non2xx non-2xx/3xx responses" >&2
  echo "$name ${rps:-0} ${p50:--} ${p99:--}" >>"$WORK/http.txt"
}

etag_of() { curl -s -D - -o /dev/null -m 5 "$1" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r'; }
revalidate_lua() { printf 'wrk.headers["If-None-Match"] = %s\n' "'$1'" >"$2"; }

echo "== Essayist benchmark: $ESSAYS essays, wrk $THREADS threads / $CONNECTIONS connections / ${DURATION}s per URL, $(nproc) cores"
if [ $BUILD = 1 ] || [ ! -f "$JAR" ]; then
  echo "-- building the jar (mvn -DskipTests package)"
  (cd "$REPO" && timeout 900 mvn -B -q -DskipTests package >"$WORK/build.log" 2>&1) || { tail -30 "$WORK/build.log"; exit 1; }
fi

echo "-- generating $ESSAYS essays in $WORK/posts"
python3 "$REPO/src/bench/generate.py" "$WORK/posts" "$ESSAYS"

# measure NAME PREP CMD...: runs PREP (untimed) then CMD, 3 times; appends "NAME wall cpu peak_mb status"
# (medians; CPU is user + system seconds of CMD and its children; peak: the largest process's RSS).
: >"$WORK/loop.txt"
measure() {
  local name=$1 prep=$2; shift 2
  local i
  for i in 1 2 3; do
    sh -c "$prep"
    timeout 900 python3 - "$@" >>"$WORK/$name.runs" 2>"$WORK/$name.err" <<'PY'
import resource, subprocess, sys, time
t = time.time()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.time() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.2f} {u.ru_utime + u.ru_stime:.2f} {u.ru_maxrss // 1024} {r.returncode}")
PY
  done
  echo "$name $(sort -n "$WORK/$name.runs" | sed -n 2p | cut -d' ' -f1) \
$(cut -d' ' -f2 "$WORK/$name.runs" | sort -n | sed -n 2p) $(cut -d' ' -f3 "$WORK/$name.runs" | sort -n | sed -n 2p) \
$(cut -d' ' -f4 "$WORK/$name.runs" | sort -n | tail -1)" >>"$WORK/loop.txt"
}
HUGO=$(command -v hugo || true)
echo "-- the author's loop: check and export of $ESSAYS essays, check of the demo site (target/essayist, medians of 3)"
if [ -n "$HUGO" ]; then
  python3 "$REPO/src/bench/generate.py" "$WORK/hugo" "$ESSAYS" --hugo
  measure hugo "rm -rf '$WORK/hugo-out'" "$HUGO" --quiet -s "$WORK/hugo" -d "$WORK/hugo-out"
else
  echo "   hugo is not installed (sudo apt-get install hugo): the × Hugo rows are skipped" >&2
fi
measure check : "$REPO/target/essayist" check --posts "$WORK/posts" --static "$REPO/static"
measure export "rm -rf '$WORK/export'" "$REPO/target/essayist" export "$WORK/export" --posts "$WORK/posts" --static "$REPO/static"
measure export-again : "$REPO/target/essayist" export "$WORK/export" --posts "$WORK/posts" --static "$REPO/static"
measure check-demo : "$REPO/target/essayist" check --posts "$REPO/posts" --static "$REPO/static"

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
echo "-- cold start on $BASE (empty index)"
timed_start "$WORK/posts" "$WORK/index" "$PORT" "$WORK/cold.log" $SERVE_OPTS
COLD_CPU=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$(java_pid "$ESSAYIST_PID")/stat")
COLD_MS=$TIMED_MS
COLD_INDEX_MS=$(indexed_ms "$WORK/cold.log")
echo "   $(indexed_line "$WORK/cold.log"); first 200 after $COLD_MS ms"
SERVER=$ESSAYIST_PID

# The pages measured: the middle essay, the home page, its first tag, the site feed.
MID=$((ESSAYS / 2))
ESSAY_PATH=/posts/essay-$MID
TAG_PATH=$(curl -s -m 5 "$BASE$ESSAY_PATH" | grep -o 'href="/tags/[^"/]*"' | head -1 | sed 's/href="//; s/"$//')
ETAG=$(etag_of "$BASE$ESSAY_PATH")
revalidate_lua "$ETAG" "$WORK/revalidate.lua"
[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE$ESSAY_PATH")" = 304 ] \
  || { echo "the essay did not answer 304 to its own ETag" >&2; exit 1; }

: >"$WORK/http.txt"
echo "-- wrk: Essayist"
# Steady state, not the JIT's first minutes: a 10 s unrecorded run over the essay first (nginx needs
# none). Each URL then has its own 3 s warm-up as well.
timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$BASE$ESSAY_PATH" >/dev/null 2>&1 || true
bench essay "$BASE$ESSAY_PATH"
bench index "$BASE/"
bench tag "$BASE$TAG_PATH"
bench feed "$BASE/feed.xml"
bench 304 "$BASE$ESSAY_PATH" "$WORK/revalidate.lua"
# Search: a different query on every request (src/bench/search.lua), so the page cache never
# answers, from one connection, so the figure is one query's own latency, not a queue of 50
# (target: p99 <= 20 ms on 10,000 essays). A 10 s unrecorded run warms the searcher first.
timeout 60 wrk -t1 -c1 -d10s -s "$REPO/src/bench/search.lua" "$BASE" >/dev/null 2>&1 || true
THREADS=1 CONNECTIONS=1 bench search "$BASE" "$REPO/src/bench/search.lua"
# Resident memory right after the load (serving 10k essays, caches full) and the peak since start
# (which includes the cold index).
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$(java_pid "$SERVER")/status")
HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$(java_pid "$SERVER")/status")

if [ -n "$NGINX" ]; then
  # nginx serves each measured page's exact bytes (as Essayist sent them) from disk, so every
  # row's ratio compares the same body.
  echo "-- wrk: nginx serving the same bytes"
  mkdir -p "$WORK/nginx/root/posts" "$WORK/nginx/root/tags" "$WORK/nginx/tmp"
  curl -s -m 5 -o "$WORK/nginx/root/posts/essay-$MID" "$BASE$ESSAY_PATH"
  curl -s -m 5 -o "$WORK/nginx/root/index.html" "$BASE/"
  curl -s -m 5 -o "$WORK/nginx/root$TAG_PATH" "$BASE$TAG_PATH"
  curl -s -m 5 -o "$WORK/nginx/root/feed.xml" "$BASE/feed.xml"
  NGINX_PORT=$(free_port)
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/root;
    default_type "text/html; charset=utf-8";
    add_header Cache-Control "public, max-age=300";
  }
}
EOF
  chmod -R a+rX "$WORK"
  timeout $((DURATION * 6 + 180)) "$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>>"$WORK/nginx/error.log" &
  NGINX_PID=$!
  track "$NGINX_PID"
  NGINX_BASE=http://127.0.0.1:$NGINX_PORT
  wait_200 "$NGINX_BASE/posts/essay-$MID" 10 || { echo "nginx did not start" >&2; cat "$WORK/nginx/error.log" >&2; exit 1; }
  NGINX_ETAG=$(etag_of "$NGINX_BASE/posts/essay-$MID")
  revalidate_lua "$NGINX_ETAG" "$WORK/nginx-revalidate.lua"
  bench nginx-essay "$NGINX_BASE/posts/essay-$MID"
  bench nginx-index "$NGINX_BASE/"
  bench nginx-tag "$NGINX_BASE$TAG_PATH"
  bench nginx-feed "$NGINX_BASE/feed.xml"
  bench nginx-304 "$NGINX_BASE/posts/essay-$MID" "$WORK/nginx-revalidate.lua"
  stop "$NGINX_PID"
fi

# file saved → visible: rewrite the essay's title and poll until the page shows it (5 s at most).
TOKEN="Edited $(date +%s%N)"
FILE=$(ls "$WORK/posts"/*-essay-$MID.md)
SAVED=$(now_ms)
sed -i "s/^title: \"Essay $MID: /title: \"$TOKEN: /" "$FILE"
RELOAD="n/a (no live reload)"
while [ $(( $(now_ms) - SAVED )) -lt 5000 ]; do
  if curl -s -m 1 "$BASE$ESSAY_PATH" | grep -q "$TOKEN"; then RELOAD="$(( $(now_ms) - SAVED )) ms"; break; fi
  sleep 0.02
done
stop "$SERVER"

echo "-- restart on the same index"
FAST_JAVA=${FAST_JAVA:-java}
# wait_caught_up LOG: waits (5 minutes at most) for the background catch-up of a kept index; prints its ms.
wait_caught_up() {
  for _ in $(seq 1 3000); do
    if grep -q 'Caught up with' "$1"; then grep -o 'Caught up with .* in [0-9]* ms' "$1" | grep -o '[0-9]* ms$'; return 0; fi
    sleep 0.1
  done
  echo "n/a"
}
timed_start "$WORK/posts" "$WORK/index" "$PORT" "$WORK/restart.log" $SERVE_OPTS
RESTART_MS=$TIMED_MS
CATCH_UP=$(wait_caught_up "$WORK/restart.log")
echo "   first 200 after $RESTART_MS ms; background catch-up took $CATCH_UP"
stop "$ESSAYIST_PID"
# The fastest launch for a large site (README): a start-up archive recorded with the serial GC,
# without C1-only (which would slow the catch-up and serving), on $FAST_JAVA.
SERVE_FAST_LINE=$(timeout 600 "$REPO/src/bench/aot-cache.sh" --java "$FAST_JAVA" --out "$WORK/serve-archive" \
  --flags "-XX:+UseSerialGC" 2>"$WORK/aot-cache-serve.log" | tail -1) || true
if [ -s "$WORK/serve-archive" ]; then
  SERVE_FAST_OPTS=$(sed 's|^[^ ]* ||; s| -jar .*||' <<<"$SERVE_FAST_LINE")
  PATH="$(dirname "$(command -v "$FAST_JAVA")"):$PATH" PLAIN=1 \
    timed_start "$WORK/posts" "$WORK/index" "$PORT" "$WORK/restart-fast.log" $PLAIN_OPTS $SERVE_FAST_OPTS
  RESTART_FAST_MS=$TIMED_MS
  CATCH_UP_FAST=$(wait_caught_up "$WORK/restart-fast.log")
  echo "   fastest launch: first 200 after $RESTART_FAST_MS ms; catch-up $CATCH_UP_FAST"
  stop "$ESSAYIST_PID"
else
  echo "   no start-up archive was recorded; see $WORK/aot-cache-serve.log" >&2
  SERVE_FAST_OPTS="n/a"; RESTART_FAST_MS="n/a"; CATCH_UP_FAST="n/a"
fi

echo "-- demo site (posts/ of the repository), fresh index, then restart"
# Each start is measured 3 times and the median kept: plain `java -jar`, then the fastest launch
# documented in the README (a start-up archive recorded by src/bench/aot-cache.sh, C1 only, the
# serial GC) with $FAST_JAVA (default: java; a JDK 24+ records an AOT cache instead of AppCDS).
DEMO_PORT=$(free_port)
# demo_median NAME FRESH(1|0) JAVA OPTS...: sets MEDIAN_MS, the median of 3 launches to first 200;
# JAVA "launcher" is the documented launch (target/essayist), any other a `java -jar` with OPTS.
demo_median() {
  local name=$1 fresh=$2 jvm=$3 times=() i plain=1; shift 3
  if [ "$jvm" = launcher ]; then jvm=java; plain=0; fi
  for i in 1 2 3; do
    if [ "$fresh" = 1 ]; then rm -rf "$WORK/demo-index"; fi
    PATH="$(dirname "$(command -v "$jvm")"):$PATH" PLAIN=$plain \
      timed_start "$REPO/posts" "$WORK/demo-index" "$DEMO_PORT" "$WORK/demo-$name-$i.log" "$@"
    times+=("$TIMED_MS")
    stop "$ESSAYIST_PID"
  done
  MEDIAN_MS=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
}
demo_median launcher-fresh 1 launcher; DEMO_COLD_MS=$MEDIAN_MS
demo_median launcher-restart 0 launcher; DEMO_MS=$MEDIAN_MS
echo "   target/essayist: fresh index ${DEMO_COLD_MS} ms, restart ${DEMO_MS} ms (medians of 3)"
demo_median plain-fresh 1 java; DEMO_PLAIN_COLD_MS=$MEDIAN_MS
echo "   java -jar: fresh index ${DEMO_PLAIN_COLD_MS} ms (median of 3)"
FAST_LINE=$(timeout 600 "$REPO/src/bench/aot-cache.sh" --java "$FAST_JAVA" --out "$WORK/essayist-archive" 2>"$WORK/aot-cache.log" | tail -1) || true
if [ -s "$WORK/essayist-archive" ]; then
  FAST_OPTS=$(sed 's|^[^ ]* ||; s| -jar .*||' <<<"$FAST_LINE")
  demo_median fast-fresh 1 "$FAST_JAVA" $FAST_OPTS; DEMO_FAST_COLD_MS=$MEDIAN_MS
  demo_median fast-restart 0 "$FAST_JAVA" $FAST_OPTS; DEMO_FAST_MS=$MEDIAN_MS
  echo "   fastest launch: fresh index ${DEMO_FAST_COLD_MS} ms, restart ${DEMO_FAST_MS} ms (medians of 3)"
else
  echo "   no start-up archive was recorded; see $WORK/aot-cache.log" >&2
  tail -5 "$WORK/aot-cache.log" >&2 || true
  FAST_OPTS="n/a"; DEMO_FAST_COLD_MS="n/a"; DEMO_FAST_MS="n/a"
fi

ratio() { # ratio A B → "0.62×"
  [ -n "${2:-}" ] && [ "${2:-0}" != 0 ] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f×", a / b}' || echo "-"
}
row() { awk -v n="$1" '$1 == n' "$WORK/http.txt"; }

echo
echo "== Results ($ESSAYS essays, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%-34s %12s %10s %10s %10s\n' "what" "requests/s" "p50" "p99" "× nginx"
for name in essay index tag feed 304 search; do
  read -r _ rps p50 p99 <<<"$(row $name)"
  base=$(row "nginx-$name" | awk '{print $2}')
  case $name in essay) label="essay $ESSAY_PATH" ;; index) label="index /" ;; tag) label="tag $TAG_PATH" ;;
    feed) label="feed /feed.xml" ;; 304) label="304 revalidation (essay)" ;;
    search) label="search, new query each (1 conn)" ;; esac
  printf '%-34s %12s %10s %10s %10s\n' "$label" "$rps" "$p50" "$p99" "$(ratio "$rps" "$base")"
done
for name in nginx-essay nginx-index nginx-tag nginx-feed nginx-304; do
  if [ -n "$(row $name)" ]; then
    read -r _ rps p50 p99 <<<"$(row $name)"
    printf '%-34s %12s %10s %10s %10s\n' "$name (same bytes)" "$rps" "$p50" "$p99" "1.00×"
  fi
done
loop() { awk -v n="$1" '$1 == n' "$WORK/loop.txt"; }
read -r _ HUGO_WALL HUGO_CPU HUGO_MB _ <<<"$(loop hugo)"
echo
printf '%-40s %9s %9s %8s %9s %9s\n' "the author's loop ($ESSAYS essays)" "wall s" "CPU s" "peak MB" "× Hugo" "exit"
for name in hugo check export export-again check-demo; do
  [ -n "$(loop $name)" ] || continue
  read -r _ wall cpu mb status <<<"$(loop $name)"
  case $name in hugo) label="hugo, full build" ;; check) label="check" ;; export) label="export into an empty folder" ;;
    export-again) label="export again (files unchanged)" ;; check-demo) label="check, demo site" ;; esac
  ratio_col=$(ratio "$wall" "${HUGO_WALL:-}")
  [ $name = check-demo ] && ratio_col="-"
  printf '%-40s %9s %9s %8s %9s %9s\n' "$label" "$wall" "$cpu" "$mb" "$ratio_col" "$status"
done
printf '%-40s %9s %9s %8s %9s\n' "cold index → first 200 (target/essayist)" "$(awk -v m="$COLD_MS" 'BEGIN {printf "%.2f", m / 1000}')" \
  "$COLD_CPU" "-" "$(ratio "$(awk -v m="$COLD_MS" 'BEGIN {print m / 1000}')" "${HUGO_WALL:-}")"
echo
printf '%-34s %12s\n' "cold index (indexer)" "${COLD_INDEX_MS} ms"
printf '%-34s %12s\n' "cold start to first 200" "${COLD_MS} ms"
printf '%-34s %12s\n' "restart, unchanged, to first 200" "${RESTART_MS} ms"
printf '%-34s %12s\n' "  ... background catch-up" "${CATCH_UP}"
printf '%-34s %12s\n' "restart, fastest launch" "${RESTART_FAST_MS} ms"
printf '%-34s %12s\n' "  ... background catch-up" "${CATCH_UP_FAST}"
printf '%-34s %12s\n' "RSS serving, after the load" "$((RSS_KB / 1024)) MB"
printf '%-34s %12s\n' "peak RSS since start (VmHWM)" "$((HWM_KB / 1024)) MB"
printf '%-34s %12s\n' "file saved → visible over HTTP" "$RELOAD"
printf '%-34s %12s\n' "demo site: fresh index → first 200" "${DEMO_COLD_MS} ms"
printf '%-34s %12s\n' "  ... plain java -jar" "${DEMO_PLAIN_COLD_MS} ms"
printf '%-34s %12s\n' "demo site: restart → first 200" "${DEMO_MS} ms"
printf '%-34s %12s\n' "demo: fresh index, fastest launch" "${DEMO_FAST_COLD_MS} ms"
printf '%-34s %12s\n' "demo: restart, fastest launch" "${DEMO_FAST_MS} ms"
echo "(serving JVM: target/essayist${SERVE_OPTS:+ with $SERVE_OPTS}; restart, fastest: $FAST_JAVA $PLAIN_OPTS $SERVE_FAST_OPTS;"
echo " demo site: medians of 3, target/essayist, java -jar, and $FAST_JAVA $FAST_OPTS)"
