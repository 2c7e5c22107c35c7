# Shared by the scripts in src/bench/ (sourced, never run on its own).
#
# Sets REPO (the repository) and JAR (target/essayist.jar), and gives:
#   workdir NAME          WORK=a new temporary folder, removed on exit
#   track PID...          stops these processes on exit (SIGTERM, then waits for them)
#   free_port             a free loopback TCP port
#   now_ms                wall-clock milliseconds
#   wait_200 URL SECONDS  polls until URL answers 200 (returns 1 after SECONDS)
#   stop PID [SECONDS]    SIGTERM, waits (10 s unless told), then SIGKILL
# Loopback only; every wait is bounded.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=$REPO/target/essayist.jar
WORK=
PIDS=()

_bench_cleanup() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}
trap _bench_cleanup EXIT

workdir() { WORK=$(mktemp -d -t "essayist-$1.XXXXXX"); }
track() { PIDS+=("$@"); }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
now_ms() { date +%s%3N; }

wait_200() {
  local url=$1 deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt $deadline ]; do
    if [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" 2>/dev/null)" = 200 ]; then return 0; fi
    sleep 0.02
  done
  return 1
}

stop() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 $(( ${2:-10} * 10 ))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
