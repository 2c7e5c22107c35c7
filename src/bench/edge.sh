#!/usr/bin/env bash
# Essayist's HTTP edge under a slowloris attack (DESIGN.md invariant 9). Starts the jar with a small
# open-file limit, then one process keeps more half-sent requests open than the server has
# descriptors, each trickling a header byte every second and reopened as soon as it is closed, while
# a reader asks for the home page once a second. Then a smuggling probe: Content-Length with
# Transfer-Encoding, a hidden second request behind it. Reports the reader's answers and waits, the
# server's descriptors, the edge metrics and the probe's answers. (A reader arriving with the first
# burst waits behind it in the kernel's listen backlog; later ones are answered at once, each new
# connection taking the place of a half-sent one.)
#
#   src/bench/edge.sh [--attackers N] [--duration SECONDS] [--fds N] [--header-timeout 10s] [--jar PATH]
#
# Defaults: 3000 attackers, 30 s, an open-file limit of 2048 (a cap of 1024 connections), the jar's
# request-header timeout set to 10 s. Needs a built target/essayist.jar, python3 and curl. Loopback
# only; every wait is bounded. Exits 1 when a reader got no 200, the server ran out of descriptors,
# or the hidden request was answered.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ATTACKERS=3000
DURATION=30
FDS=2048
HEADER_TIMEOUT=10s
while [ $# -gt 0 ]; do
  case "$1" in
    --attackers) ATTACKERS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --fds) FDS=$2; shift 2 ;;
    --header-timeout) HEADER_TIMEOUT=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    *) echo "usage: $0 [--attackers N] [--duration SECONDS] [--fds N] [--header-timeout 10s] [--jar PATH]" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -q package -DskipTests" >&2; exit 1; }
workdir edge
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
(ulimit -n "$FDS"; ESSAYIST_INDEX_DIR="$WORK/index" ESSAYIST_HTTP_REQUEST_HEADER_TIMEOUT=$HEADER_TIMEOUT \
  MICRONAUT_SERVER_PORT=$PORT MICRONAUT_IO_WATCH_ENABLED=false exec java -Xmx512m -jar "$JAR") >"$WORK/app.log" 2>&1 &
APP=$!
track "$APP"
wait_200 "$BASE/" 120 || { echo "the server did not start; log: $WORK/app.log" >&2; tail -5 "$WORK/app.log" >&2; exit 1; }

# The attacker: N connections, each a request head that never ends, reopened when the server closes it.
python3 - "$PORT" "$ATTACKERS" "$DURATION" >"$WORK/attack.log" 2>&1 <<'EOF' &
import resource, socket, sys, time
port, n, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
resource.setrlimit(resource.RLIMIT_NOFILE, (n + 256, max(n + 256, hard)))
head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "
socks, opened, closed, end = {}, 0, 0, time.time() + duration  # socket -> whether its head went out
while time.time() < end:
    while len(socks) < n:
        s = socket.socket(); s.setblocking(False); s.connect_ex(("127.0.0.1", port))
        socks[s] = False; opened += 1
    for s, sent in list(socks.items()):
        try:
            s.send(b"s" if sent else head)  # one more header byte a second
            socks[s] = True
            if s.recv(1, socket.MSG_PEEK) == b"":
                raise ConnectionResetError
        except BlockingIOError:
            pass  # still connecting, or nothing to read
        except OSError:
            s.close(); del socks[s]; closed += 1
    time.sleep(1)
print(f"attacker: {opened} connections opened, {closed} closed by the server")
EOF
ATTACK=$!
track "$ATTACK"

sleep 2
ok=0; failed=0; slowest=0; most_fds=0
: >"$WORK/reader.log"
until_ms=$(( $(now_ms) + (DURATION - 3) * 1000 ))
while [ "$(now_ms)" -lt $until_ms ]; do
  answer=$(curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}' "$BASE/" || true)
  echo "$answer" >>"$WORK/reader.log"
  if [ "${answer%% *}" = 200 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
  ms=$(awk '{printf "%d", $2 * 1000}' <<<"${answer:-0 0}")
  [ "$ms" -gt "$slowest" ] && slowest=$ms
  fds=$(ls "/proc/$APP/fd" 2>/dev/null | wc -l)
  [ "$fds" -gt "$most_fds" ] && most_fds=$fds
  sleep 1
done
wait "$ATTACK" || true
metrics=$(curl -s -m 30 "$BASE/prometheus" | grep -E '^essayist_http_' | tr '\n' ' ' || true)

# Request smuggling: Content-Length and Transfer-Encoding, then a hidden request on the same connection.
smuggle=$(python3 - "$PORT" <<'EOF'
import re, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.settimeout(5)
s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
          b"GET /hidden HTTP/1.1\r\nHost: x\r\n\r\n")
data = b""
try:
    while chunk := s.recv(65536):
        data += chunk
    end = "closed by the server"
except socket.timeout:
    end = "still open after 5 s"
print(", ".join(m.decode() for m in re.findall(rb"HTTP/1\.[01] \d{3}", data)) + "; " + end)
EOF
)
exhausted=$(grep -c "Too many open files" "$WORK/app.log" || true)
echo "$(cat "$WORK/attack.log"); open-file limit $FDS; request-header timeout $HEADER_TIMEOUT"
echo "reader: $ok answered 200, $failed not; slowest ${slowest} ms; server descriptors at most $most_fds"
echo "edge metrics: $metrics"
echo "\"Too many open files\" in the log: $exhausted"
echo "smuggling probe (CL + TE, then a hidden GET): $smuggle"
[ "$failed" = 0 ] && [ "$exhausted" = 0 ] && [[ "$smuggle" != *,* ]]
