#!/usr/bin/env bash
# The content benchmark of docs/benchmarks.md ("Import and publish"): a generated N-entry .xlsx (default 100,000)
# imported through the content API (dry run, then applied as drafts), all drafts approved in one request, then
# published through the quality gate; prints the seconds of each step, the total, and the server's heap.
# Usage: benchmarks/content/import-publish.sh [entries]   (on a quiet machine; KEFU_SERVER_JAR=path to skip the build)
# With KEFU_CHAT_LOAD=1 it also runs chat-load's 1,000 messages/s during the publish (see chat-load/run.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTRIES="${1:-100000}"
PORT=18282
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
JAR="${KEFU_SERVER_JAR:-qa-server/target/qa-server-0.1.0-SNAPSHOT.jar}"
# builds the server and writes the classpath the generator runs with (POI), in one reactor run
./mvnw -B -q -o -DskipTests package dependency:build-classpath -pl qa-server -am -Dmdep.outputFile="$DATA/classpath"
XLSX="$DATA/kb-$ENTRIES.xlsx"
java -cp "$(cat "$DATA/classpath")" benchmarks/content/GenerateKnowledgeXlsx.java "$ENTRIES" "$XLSX"

ADMIN_PASSWORD="bench-$(date +%s)-pw"
KEFU_ADMIN_USERNAME=admin KEFU_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java -Xms1g -Xmx1g -jar "$JAR" --server.port=$PORT --kefu.data-dir="$DATA/data" --logging.level.root=WARN \
  --logging.level.io.kefu.server.content=INFO --logging.level.io.kefu.server.system=INFO >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/api/ask?q=x" >/dev/null 2>&1 && break; sleep 1; done

# the administrator's session (sign-in form with its CSRF token), then two accounts and a token for each
JAR_COOKIES="$DATA/cookies"
CSRF=$(curl -s -c "$JAR_COOKIES" "$BASE/login" | grep -oE 'name="_csrf" value="[^"]+"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "$BASE/api/staff/me"
XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_COOKIES")
admin() { curl -sf -b "$JAR_COOKIES" -H "X-XSRF-TOKEN: $XSRF" -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }
admin /api/admin/staff '{"username":"bench-editor","password":"bench-editor-pw","roles":["EDITOR"]}' >/dev/null
admin /api/admin/staff '{"username":"bench-reviewer","password":"bench-reviewer-pw","roles":["REVIEWER"]}' >/dev/null
EDITOR=$(admin /api/admin/tokens '{"username":"bench-editor","label":"benchmark"}' | jq -r .token)
REVIEWER=$(admin /api/admin/tokens '{"username":"bench-reviewer","label":"benchmark"}' | jq -r .token)

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
T0=$(now)
curl -sf -H "Authorization: Bearer $EDITOR" -F "file=@$XLSX" "$BASE/api/content/imports" | jq -c '{rows, created, errors: (.errors|length)}'
T1=$(now)
curl -sf -H "Authorization: Bearer $EDITOR" -F "file=@$XLSX" "$BASE/api/content/imports?apply=true" | jq -c '{applied, created}'
T2=$(now)
curl -sf -H "Authorization: Bearer $REVIEWER" "$BASE/api/content/reviews" | jq '[.[].versionId]' > "$DATA/drafts.json"
jq -c '{decision: "approve", draftIds: .}' "$DATA/drafts.json" > "$DATA/approve.json"
curl -sf -H "Authorization: Bearer $REVIEWER" -H 'Content-Type: application/json' -d @"$DATA/approve.json" \
  "$BASE/api/content/reviews" | jq -c .
T3=$(now)
curl -s -H "Authorization: Bearer $REVIEWER" -H 'Content-Type: application/json' \
  -d '{"note":"benchmark","overrideReason":"benchmark: synthetic content"}' "$BASE/api/content/releases" \
  | jq -c '{release: .release.id, entries: .release.entries, passed: .gate.passed, candidate: .gate.candidate}'
T4=$(now)
echo "dry run $(secs "$T0" "$T1") s, apply $(secs "$T1" "$T2") s, approve $(secs "$T2" "$T3") s, publish $(secs "$T3" "$T4") s"
echo "import + publish end to end: $(secs "$T0" "$T4") s for $ENTRIES entries"
jcmd "$SERVER" GC.heap_info | grep -E 'used|total' | head -2
grep -E "published [0-9]+ standard questions|answering from release" "$DATA/server.log" | tail -2
