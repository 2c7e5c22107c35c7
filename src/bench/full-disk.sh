#!/usr/bin/env bash
# The index folder's disk fills up while the site serves: pages keep being served from the last
# good index, /health says why (content DEGRADED), an edit made meanwhile is published by a retry
# once there is space again, with no file event (design.md invariant 9). Then a start on a full disk
# indexes into memory with one warning. Mounts a 4 MB tmpfs for the index, so it needs root.
#
#   sudo src/bench/full-disk.sh
#
# Needs a built target/essayist.jar, python3, curl and root (mount). Loopback only; every wait is
# bounded; the tmpfs is unmounted on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
[ "$(id -u)" = 0 ] || { echo "needs root to mount a small tmpfs" >&2; exit 2; }
workdir full-disk
mkdir -p "$WORK/posts" "$WORK/disk"
cp posts/*.md "$WORK/posts/"
mount -t tmpfs -o size=4m tmpfs "$WORK/disk"
trap 'umount "$WORK/disk" 2>/dev/null || true; _bench_cleanup' EXIT
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
start() {
  ESSAYIST_POSTS_DIR="$WORK/posts" ESSAYIST_INDEX_DIR="$WORK/disk/index" ESSAYIST_REINDEX_RETRY=2s \
    MICRONAUT_SERVER_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 java -jar "$JAR" >"$WORK/app-$1.log" 2>&1 &
  APP=$!
  track "$APP"
  wait_200 "$BASE/" 120 || { echo "no start"; tail -5 "$WORK/app-$1.log"; exit 1; }
}
probe() {
  local p
  for p in "/?n=$RANDOM" "/posts/skip-locked-is-not-enough?n=$RANDOM" /health; do
    printf '  %-48s %s\n' "$p" "$(curl -m 40 -s -o /dev/null -w '%{http_code} in %{time_total}s' "$BASE$p")"
  done
  curl -s "$BASE/health" | python3 -c 'import json,sys; c=json.load(sys.stdin)["details"]["content"]; print("  health content:", c["status"], c["details"].get("failure") or "")'
}
first=$(ls "$WORK"/posts/*.md | head -1)
start 1
echo "serving; index folder: $(du -sh "$WORK/disk" | cut -f1) of 4 MB"; probe
dd if=/dev/zero of="$WORK/disk/filler" bs=4k 2>/dev/null || true
sed -i 's/^title: .*/title: "Edited on a full disk"/' "$first"
sleep 6
echo "disk full, an essay edited:"; probe
rm "$WORK/disk/filler"
found=no
for i in $(seq 1 30); do
  if curl -s "$BASE/?n=$RANDOM" | grep -q "Edited on a full disk"; then found="after ${i} s"; break; fi
  sleep 1
done
echo "space returned: the edit is published $found"; probe
stop "$APP"
rm -rf "$WORK/disk/index"
dd if=/dev/zero of="$WORK/disk/filler" bs=4k 2>/dev/null || true
start 2
echo "start on a full disk: $(grep -c . "$WORK/app-2.log") log lines; $(grep -E 'WARN' "$WORK/app-2.log" | sed -E 's/^.* - //' | head -2)"
probe
