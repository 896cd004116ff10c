#!/usr/bin/env bash
# The WebSocket load benchmark of docs/benchmarks.md, start to finish, on this machine only (loopback):
# builds the server and the load generator, starts the server (1 GiB heap, a fresh embedded database), then
#   1. 1,000 conversations at 1,000 messages/s for 60 s, after a 90 s slow start (the rate rising from 100/s, as a
#      load balancer brings a new node in) and 10 s at the full rate: round trip p50/p99, errors, lost;
#   2. the same on a cold server: 10 s at the full rate, no slow start (the JIT compiles under full load);
#   3. 10,000 idle connections: the server's heap after a full GC, before and with them;
#   join (only when asked for, KEFU_LOAD_RUNS=join): a node joining under full load: the server started cold,
#      the full rate from the second it reports ready (after its warm-up), no slow start; its 10-second lines from
#      the first are the p99 a load balancer's new node serves.
# Each of 1 and 2 also prints the server's CPU per message over the measured seconds.
# Usage: chat-load/run.sh [seconds] [idle connections]   (defaults 60 and 10000)
# KEFU_SERVER_JAR=path measures that server jar instead of building this checkout's (a before/after pair: the old
# jar, then the new one, one after the other); KEFU_LOAD_RUNS picks the runs (default "slow-start cold idle").
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED="${1:-60}"
IDLE="${2:-10000}"
PORT="${KEFU_LOAD_PORT:-18181}"
RUNS="${KEFU_LOAD_RUNS:-slow-start cold idle}"
if [ -n "${KEFU_SERVER_JAR:-}" ]; then
  JAR="$KEFU_SERVER_JAR"
  ./mvnw -B -q -DskipTests package -pl chat-load -am
else
  JAR=qa-server/target/qa-server-0.1.0-SNAPSHOT.jar
  ./mvnw -B -q -DskipTests package -pl qa-server,chat-load -am
fi
echo "server jar: $JAR ($(sha256sum "$JAR" | cut -c1-12))"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"

heap_used_mib() {   # the server's used heap after a full collection, in MiB
  jcmd "$1" GC.run >/dev/null
  sleep 1
  jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' | awk '{printf "%.0f", $1/1024}'
}

start_server() {
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT \
       --kefu.data-dir="$DATA/$1" --logging.level.root=WARN --logging.level.io.kefu.server.warmup=INFO >"$LOG" 2>&1 &
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

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system, in clock ticks

chat_run() {   # $1: name, $2: slow-start seconds
  echo "== 1,000 conversations at 1,000 messages/s for $SECONDS_MEASURED s, $2 s slow start, 10 s warm-up"
  start_server "$1"
  java -Xmx1g -jar chat-load/target/chat-load.jar run --url "ws://127.0.0.1:$PORT/ws/chat" \
       --conversations 1000 --rate 1000 --seconds "$SECONDS_MEASURED" --warmup 10 --ramp "$2" &
  local client=$!
  sleep $(( $2 + 10 + 6 ))   # connecting takes a few seconds before the slow start begins
  local before; before=$(cpu_ticks "$SERVER")
  sleep "$SECONDS_MEASURED"
  local after; after=$(cpu_ticks "$SERVER")
  wait "$client"
  echo "server CPU per message over the measured seconds:" \
       "$(echo "scale=2; ($after - $before) * 1000 / $(getconf CLK_TCK) / (1000 * $SECONDS_MEASURED)" | bc) ms"
  stop_server
}

join_run() {   # the full rate from the moment the server reports ready (its log line "warmed up ... ready")
  echo "== a node joining under full load: 1,000 conversations at 1,000 messages/s for $SECONDS_MEASURED s from ready"
  start_server join
  for _ in $(seq 1 300); do grep -q "warmed up" "$LOG" && break; sleep 0.2; done
  grep -o "warmed up.*" "$LOG" || echo "(no warm-up in this jar: the full rate from its first answer)"
  local before; before=$(cpu_ticks "$SERVER")
  java -Xmx1g -jar chat-load/target/chat-load.jar run --url "ws://127.0.0.1:$PORT/ws/chat" \
       --conversations 1000 --rate 1000 --seconds "$SECONDS_MEASURED" --warmup 0 --ramp 0
  local after; after=$(cpu_ticks "$SERVER")
  echo "server CPU per message over the run: $(echo "scale=2; ($after - $before) * 1000 / $(getconf CLK_TCK) / (1000 * $SECONDS_MEASURED)" | bc) ms"
  stop_server
}

case " $RUNS " in *" join "*) join_run ;; esac
case " $RUNS " in *" slow-start "*) chat_run slow-start 90 ;; esac
case " $RUNS " in *" cold "*) chat_run cold 0 ;; esac
case " $RUNS " in *" idle "*) ;; *) exit 0 ;; esac

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
     "(+$((WITH - BEFORE)) MiB, $(( (WITH - BEFORE) * 1024 / IDLE )) KiB per connection; max heap 1024 MiB)"
stop_server
