#!/usr/bin/env bash
# The durability micro-benchmark (docs/benchmarks.md, "Durability"): the statements of chat messages at a fixed rate
# against each way of storing them, one after the other in one process; prints CPU per message, latency and file size.
# Usage: chat-load/store-bench.sh [--candidates h2-timer,h2-every-commit,h2-group-0,h2-group-2,h2-group-5,sqlite-wal]
#                                 [--rate 1000] [--warmup 10] [--seconds 20] [--threads 32] [--conversations 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor build, so that qa-server's classpath names the sibling modules' classes (nothing is installed)
./mvnw -B -q -o test-compile dependency:build-classpath -pl qa-server -am \
       -Dmdep.outputFile="$PWD/qa-server/target/store-bench.classpath" >/dev/null
exec java -Xms1g -Xmx1g -cp "qa-server/target/test-classes:qa-server/target/classes:$(cat qa-server/target/store-bench.classpath)" \
     io.kefu.server.store.StoreBenchmark "$@"
