#!/usr/bin/env bash
# The Official Account load benchmark of docs/benchmarks.md ("WeChat Official Account"), on this machine only:
# builds the server and the load generator, starts the server (1 GiB heap, a fresh embedded database) with an Official
# Account whose API host is the generator's fake one, then sends followers' text messages signed as WeChat does:
# a 90 s slow start (the rate rising from a tenth), then the full rate for the measured seconds. It prints the passive
# reply's round trip (p50/p99), how the replies went (in the response, or 'success' and the message API), whether
# retried MsgIds got the first answer again, and what was lost.
# Usage: chat-load/wechat.sh [seconds] [rate] [ramp seconds]   (defaults 60, 1000 and 90)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED="${1:-60}"
RATE="${2:-1000}"
RAMP="${3:-90}"
PORT=18182
API_PORT=18183
TOKEN=load-token
./mvnw -B -q -DskipTests package -pl qa-server,chat-load -am
JAR=qa-server/target/qa-server-0.1.0-SNAPSHOT.jar
DATA="$(mktemp -d)"
LOG="$DATA/server.log"
KEFU_WECHAT_MP_APP_ID=wx-load KEFU_WECHAT_MP_SECRET=load-secret KEFU_WECHAT_MP_TOKEN=$TOKEN \
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --kefu.data-dir="$DATA/data" --logging.level.root=WARN \
       --kefu.wechat.mp.api-host=http://127.0.0.1:$API_PORT >"$LOG" 2>&1 &
SERVER=$!
# the server's log outlives the run (the data does not): chat-load/target/wechat-server.log
trap 'kill $SERVER 2>/dev/null || true; mkdir -p chat-load/target; cp "$LOG" chat-load/target/wechat-server.log; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/ask?q=%E8%AF%9D%E8%B4%B9" >/dev/null 2>&1 && break
  sleep 1
done
java -cp chat-load/target/chat-load.jar io.kefu.load.WechatLoad --url "http://127.0.0.1:$PORT/wechat/mp" \
  --token $TOKEN --api-port $API_PORT --rate "$RATE" --seconds "$SECONDS_MEASURED" --ramp "$RAMP" \
  --followers 1000 --retries 0.05
echo "server CPU seconds: $(awk '{printf "%.1f", ($14 + $15) / 100}' /proc/$SERVER/stat)"
