#!/usr/bin/env bash
# The WebSocket load benchmark of docs/benchmarks.md, start to finish, on this machine only (loopback):
# builds the server and the load generator, starts the server (1 GiB heap, a fresh embedded database), then
#   1. 1,000 conversations at 1,000 messages/s for 60 s (after a 10 s warm-up): round trip p50/p99, errors, lost;
#   2. 10,000 idle connections: the server's heap after a full GC, before and with them.
# Usage: chat-load/run.sh [seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED="${1:-60}"
IDLE="${2:-10000}"
PORT=18181
./mvnw -B -q -DskipTests package -pl qa-server,chat-load -am
DATA="$(mktemp -d)"
LOG="$DATA/server.log"

heap_used_mib() {   # the server's used heap after a full collection, in MiB
  jcmd "$1" GC.run >/dev/null
  sleep 1
  jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' | awk '{printf "%.0f", $1/1024}'
}

start_server() {
  java -Xms1g -Xmx1g -jar qa-server/target/qa-server-0.1.0-SNAPSHOT.jar --server.port=$PORT \
       --kefu.data-dir="$DATA/$1" --logging.level.root=WARN >"$LOG" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/api/ask?q=%E8%AF%9D%E8%B4%B9" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start; see $LOG" >&2
  exit 1
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "== 1,000 conversations at 1,000 messages/s for $SECONDS_MEASURED s"
start_server run
java -Xmx1g -jar chat-load/target/chat-load.jar run --url "ws://127.0.0.1:$PORT/ws/chat" \
     --conversations 1000 --rate 1000 --seconds "$SECONDS_MEASURED" --warmup 10
stop_server

echo "== 10,000 idle connections"
start_server idle
BEFORE=$(heap_used_mib "$SERVER")
OUT="$DATA/idle.out"
java -Xmx2g -jar chat-load/target/chat-load.jar idle --url "ws://127.0.0.1:$PORT/ws/chat" \
     --connections "$IDLE" --hold 40 >"$OUT" 2>&1 &
CLIENT=$!
for _ in $(seq 1 300); do grep -q READY "$OUT" && break; sleep 1; done
sleep 5
WITH=$(heap_used_mib "$SERVER")
wait "$CLIENT" || true
cat "$OUT"
echo "server heap used after full GC: ${BEFORE} MiB before, ${WITH} MiB with the idle connections" \
     "(+$((WITH - BEFORE)) MiB, max heap 1024 MiB)"
stop_server
