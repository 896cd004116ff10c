#!/usr/bin/env bash
# What a crash of the server keeps (docs/benchmarks.md, "Durability"), on this machine only (loopback): builds the
# server and chat-load, starts the server on a fresh embedded database (or on KEFU_DATABASE_URL's, if set), sends 10
# messages one at a time, each after the ack of the one before and a gap, kills the server with SIGKILL the moment
# the last ack arrives, starts it again on the same data and counts the customer messages it still has.
# KEFU_SERVER_JAR runs another server jar (e.g. one built at an older commit), KEFU_CRASH_NO_BUILD=1 skips the build,
# KEFU_CRASH_PORT picks the port (18182).
# Usage: chat-load/crash.sh [gap-ms [server arguments...]], e.g.
#   chat-load/crash.sh 100
#   chat-load/crash.sh 100 '--spring.datasource.url=jdbc:h2:file:${kefu.data-dir}/kefu;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500'
set -euo pipefail
cd "$(dirname "$0")/.."
GAP="${1:-0}"
shift || true
PORT="${KEFU_CRASH_PORT:-18182}"
URL="ws://127.0.0.1:$PORT/ws/chat"
[ -n "${KEFU_CRASH_NO_BUILD:-}" ] || ./mvnw -B -q -DskipTests package -pl qa-server,chat-load -am
DATA="$(mktemp -d)"
SERVER=
trap 'if [ -n "$SERVER" ]; then kill -9 "$SERVER" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT

start_server() {
  java -Xmx1g -jar "${KEFU_SERVER_JAR:-qa-server/target/qa-server-0.1.0-SNAPSHOT.jar}" --server.port=$PORT --kefu.data-dir="$DATA" \
       --logging.level.root=WARN "$@" >>"$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/api/ask?q=%E8%AF%9D%E8%B4%B9" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start; see $DATA/server.log" >&2
  exit 1
}

start_server "$@"
OUT="$DATA/send.out"
java -jar chat-load/target/chat-load.jar send --url "$URL" --messages 10 --gap "$GAP" >"$OUT" 2>&1 &
CLIENT=$!
for _ in $(seq 1 6000); do grep -q '^ACKED' "$OUT" && break; sleep 0.01; done
kill -9 "$SERVER"
wait "$SERVER" 2>/dev/null || true
wait "$CLIENT" || true
cat "$OUT"
grep -q '^ACKED' "$OUT" || { echo "the messages were not all acknowledged" >&2; exit 1; }
read -r _ CONVERSATION _ TOKEN < <(grep '^CONVERSATION' "$OUT")

start_server "$@"
java -jar chat-load/target/chat-load.jar count --url "$URL" --conversation "$CONVERSATION" --token "$TOKEN"
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
SERVER=
