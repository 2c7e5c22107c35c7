#!/usr/bin/env bash
# SIGKILL during a reindex, then restart: the index must come back serving exactly the files on
# disk (design.md invariants 1 and 2). Generates an archive, starts the jar on a fresh file index,
# kills it with SIGKILL while the cold index is being written, deletes one essay and adds another,
# restarts, and compares /archive with the folder.
#
#   src/bench/crash.sh [--essays N] [--kill-after SECONDS]
#
# Needs a built target/essayist.jar, python3 and curl. Loopback only; every wait is bounded.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
ESSAYS=2000
KILL_AFTER=8
while [ $# -gt 0 ]; do
  case "$1" in
    --essays) ESSAYS=$2; shift 2 ;;
    --kill-after) KILL_AFTER=$2; shift 2 ;;
    *) echo "usage: $0 [--essays N] [--kill-after SECONDS]" >&2; exit 2 ;;
  esac
done
workdir crash
APP=
python3 src/bench/generate.py "$WORK/posts" "$ESSAYS" >/dev/null
mkdir -p "$WORK/static"
PORT=$(free_port)
start() {
  ESSAYIST_POSTS_DIR="$WORK/posts" ESSAYIST_STATIC_DIR="$WORK/static" ESSAYIST_INDEX_DIR="$WORK/index" \
    MICRONAUT_SERVER_PORT=$PORT MICRONAUT_IO_WATCH_ENABLED=false \
    java -Xmx1g -jar "$JAR" >"$WORK/app-$1.log" 2>&1 &
  APP=$!
  track "$APP"
}
start 1
sleep "$KILL_AFTER"
if grep -q "Indexed" "$WORK/app-1.log"; then
  echo "the cold index finished within ${KILL_AFTER}s; use a larger --essays or a smaller --kill-after" >&2
  exit 2
fi
kill -9 "$APP"; wait "$APP" 2>/dev/null || true; APP=
echo "killed during the cold index after ${KILL_AFTER}s; index files: $(ls "$WORK/index" 2>/dev/null | tr '\n' ' ')"
rm "$(ls "$WORK"/posts/*.md | head -1)"
printf -- '---\ntitle: "Added after the crash"\ndate: 2025-01-01\n---\nNew.\n' > "$WORK/posts/2025-01-01-added-after-the-crash.md"
start 2
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 1
done
on_disk=$(ls "$WORK"/posts/*.md | wc -l)
served=$(curl -fs "http://127.0.0.1:$PORT/archive" | grep -oE '[0-9,]+ essays, newest first' | grep -oE '^[0-9,]+' | tr -d ,)
added=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/posts/added-after-the-crash")
echo "restart: $(grep -E 'WARN|Indexed' "$WORK/app-2.log" | sed -E 's/^.* - //' | tr '\n' ' ')"
echo "essays on disk: $on_disk; essays served: ${served:-?}; the essay added after the crash: HTTP $added"
[ "${served:-x}" = "$on_disk" ] && [ "$added" = 200 ]
