#!/usr/bin/env bash
# Cold start to first answer (docs/benchmarks.md, "Start-up"): starts the server jar on a fresh data folder, asks
# /api/ask every 20 ms from the moment `java -jar` is run, and prints the seconds until the first answer and until
# the server reports ready (its log line "warmed up ... ready"); then stops it. Several runs, then the medians.
# Usage: chat-load/startup.sh [runs [jar [java options...]]]
#   chat-load/startup.sh 5
#   chat-load/startup.sh 5 /tmp/old.jar
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
JAR="${2:-qa-server/target/qa-server-0.1.0-SNAPSHOT.jar}"
shift 2 || shift $# || true
PORT="${KEFU_STARTUP_PORT:-18291}"
ANSWERS=()
READIES=()
for run in $(seq 1 "$RUNS"); do
  DATA="$(mktemp -d)"
  start=$(date +%s%N)
  java "$@" -jar "$JAR" --server.port="$PORT" --kefu.data-dir="$DATA" >"$DATA/server.log" 2>&1 &
  SERVER=$!
  answer=
  ready=
  for _ in $(seq 1 6000); do
    now=$(date +%s%N)
    if [ -z "$answer" ] && curl -sf "http://127.0.0.1:$PORT/api/ask?q=%E8%AF%9D%E8%B4%B9%E6%80%8E%E4%B9%88%E6%9F%A5" >/dev/null 2>&1; then
      answer=$(( (now - start) / 1000000 ))
    fi
    if [ -n "$answer" ] && { grep -q "warmed up" "$DATA/server.log" || ! grep -q "warmup" <(unzip -l "$JAR" 2>/dev/null); }; then
      ready=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.02
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  echo "run $run: first answer ${answer:-none} ms, ready ${ready:-none} ms; $(grep -o 'Started KefuServerApplication in [0-9.]* seconds' "$DATA/server.log" || true); $(grep -o 'knowledge base loaded.*in [0-9]* ms' "$DATA/server.log" | sed 's/.*in /bot built in /' || true)"
  ANSWERS+=("${answer:-999999}")
  READIES+=("${ready:-999999}")
  rm -rf "$DATA"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $RUNS: first answer $(median "${ANSWERS[@]}") ms, ready $(median "${READIES[@]}") ms"
