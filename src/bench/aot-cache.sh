#!/usr/bin/env bash
# Records the start-up archive of target/essayist.jar for the JVM that will run it, by a training
# run: JDK 24+ writes an AOT cache (JEP 483/514: classes loaded and linked, method profiles),
# JDK 17-23 an application class-data-sharing archive (JEP 350, dynamic AppCDS). Prints the
# command that launches with it. Record it again after every build of the jar and for every JDK:
# a JVM that finds the archive stale says so in one warning line and starts without it.
#
#   src/bench/aot-cache.sh [--java PATH] [--out FILE] [--posts DIR] [--flags "JVM FLAGS"]
#
# --flags are the other JVM flags of the launch (default: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC);
# record with the flags you launch with, as an archive holds only what a run with the same GC used.
# The training run is a restart on a kept index (the usual start): it indexes --posts (default:
# the demo essays in posts/) into a temporary index, stops, starts again recording, opens the
# pages a reader would, waits for the background catch-up, and stops. Loopback only; every wait
# is bounded; the processes it starts are stopped by their pid.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
JAVA=${JAVA:-java}
OUT=
POSTS=$REPO/posts
FLAGS_TEXT="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
while [ $# -gt 0 ]; do
  case "$1" in
    --java) JAVA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --posts) POSTS=$2; shift 2 ;;
    --flags) FLAGS_TEXT=$2; shift 2 ;;
    *) echo "usage: $0 [--java PATH] [--out FILE] [--posts DIR] [--flags \"JVM FLAGS\"]" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -DskipTests package)" >&2; exit 1; }

FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${FEATURE%%.*}" -ge 24 ]; then
  OUT=${OUT:-$REPO/target/essayist.aot}
  RECORD=(-XX:AOTCacheOutput="$OUT")
  USE="-XX:AOTCache=$OUT"
else
  OUT=${OUT:-$REPO/target/essayist.jsa}
  RECORD=(-XX:ArchiveClassesAtExit="$OUT")
  USE="-XX:SharedArchiveFile=$OUT"
fi
read -r -a FLAGS <<<"$FLAGS_TEXT"

workdir aot
APP=
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

# run LOG JVM-OPTIONS...: starts the jar in the background on the temporary index; sets APP.
run() {
  local log=$1; shift
  ESSAYIST_POSTS_DIR=$POSTS ESSAYIST_STATIC_DIR=$REPO/static ESSAYIST_INDEX_DIR=$WORK/index \
    MICRONAUT_SERVER_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 \
    timeout 600 "$JAVA" "$@" -jar "$JAR" >"$log" 2>&1 &
  APP=$!
  track "$APP"
}
# started LOG: waits (120 s at most) for the first 200, or shows the log and fails.
started() {
  wait_200 "$BASE/" 120 || { echo "no 200 from $BASE/; log:" >&2; tail -20 "$1" >&2; exit 1; }
}

echo "-- indexing $POSTS (first run, not recorded)"
run "$WORK/index.log" ${FLAGS[@]+"${FLAGS[@]}"}
started "$WORK/index.log"
stop "$APP" 30

echo "-- training run with $("$JAVA" -version 2>&1 | head -1): ${RECORD[*]}"
rm -f "$OUT"
run "$WORK/train.log" ${FLAGS[@]+"${FLAGS[@]}"} "${RECORD[@]}"
started "$WORK/train.log"
ESSAY=$(curl -s -m 5 "$BASE/" | grep -o 'href="/posts/[^"#]*"' | head -1 | sed 's/href="//; s/"$//')
TAG=$(curl -s -m 5 "$BASE$ESSAY" | grep -o 'href="/tags/[^"#/]*"' | head -1 | sed 's/href="//; s/"$//')
for path in / "$ESSAY" "$TAG" /tags /archive /about /feed.xml /atom.xml /feed.json /sitemap.xml /search?q=the \
            /health /no-such-page; do
  curl -s -o /dev/null -m 5 "$BASE$path" || true
done
for _ in $(seq 1 600); do grep -q 'Caught up with' "$WORK/train.log" && break; sleep 0.1; done
stop "$APP" 120  # the JVM writes the archive as it exits
[ -s "$OUT" ] || { echo "the JVM wrote no archive; log:" >&2; tail -20 "$WORK/train.log" >&2; exit 1; }

echo "-- wrote $OUT ($(du -h "$OUT" | cut -f1)); launch with:"
echo "$JAVA $USE${FLAGS_TEXT:+ $FLAGS_TEXT} -jar $JAR"
