#!/usr/bin/env bash
# The ticket list benchmark (docs/tickets.md): the desk's list pages over N tickets (default 100,000) on PostgreSQL.
# Builds the server, starts it on the given database (Flyway migrates it), fills it with ticket-data.sql, signs in
# as a supervisor (who sees every ticket) and times GET /api/tickets for the list's usual filters, R times each
# (default 50), printing p50, p95 and max in ms. The machine should be quiet: nothing else running.
# Usage: KEFU_BENCH_PG=postgresql://postgres@127.0.0.1:5432/kefu_bench KEFU_BENCH_PASSWORD=... \
#        qa-server/bench/ticket-list.sh [N] [R]
# Signs in as KEFU_BENCH_USER (default benchadmin) with KEFU_BENCH_PASSWORD: on a database without an administrator
# the server creates that account at start (KEFU_ADMIN_*); on one with an administrator, name a supervisor's account.
# The generator's tickets (conversation ids bench-*) are replaced at each run; other data stays.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
R="${2:-50}"
PG="${KEFU_BENCH_PG:?set KEFU_BENCH_PG to a postgresql:// URL psql accepts, e.g. postgresql://postgres@127.0.0.1:5432/kefu_bench}"
# postgresql://user[:password]@host:port/db -> the JDBC URL and the user the server takes
rest="${PG#postgresql://}"
creds="${rest%%@*}"
JDBC="jdbc:postgresql://${rest#*@}"
export KEFU_DATABASE_URL="$JDBC" KEFU_DATABASE_USER="${creds%%:*}"
[[ "$creds" == *:* ]] && export KEFU_DATABASE_PASSWORD="${creds#*:}"
PORT="${KEFU_BENCH_PORT:-18283}"
ADMIN="${KEFU_BENCH_USER:-benchadmin}"
PASSWORD="${KEFU_BENCH_PASSWORD:?set KEFU_BENCH_PASSWORD (the account is created with it on a database without an administrator)}"
JAR=qa-server/target/qa-server-0.1.0-SNAPSHOT.jar
[ -n "${KEFU_BENCH_SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package -pl qa-server -am
DATA="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

KEFU_ADMIN_USERNAME=$ADMIN KEFU_ADMIN_PASSWORD=$PASSWORD KEFU_DATA_DIR="$DATA" \
  java -Xms512m -Xmx512m -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/ask?q=%E8%AF%9D%E8%B4%B9" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/api/ask?q=x" >/dev/null || { echo "server did not start; see $DATA/server.log" >&2; exit 1; }

echo "== generating $N tickets"
psql "$PG" -q -v n="$N" -f qa-server/bench/ticket-data.sql

JAR_COOKIES="$DATA/cookies"
token=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$PORT/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed 's/.*value="//;s/"$//')
curl -sf -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=$ADMIN" \
     --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "http://127.0.0.1:$PORT/login"
curl -sf -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$PORT/api/staff/me" \
  || { echo "sign-in as $ADMIN failed: wrong KEFU_BENCH_PASSWORD, or the database has another administrator" >&2; exit 1; }
phone=$(psql "$PG" -Atc "select phone from tickets where conversation_id like 'bench-%' limit 1")
id=$(psql "$PG" -Atc "select id from tickets where conversation_id like 'bench-%' order by created_at desc limit 1")

measure() {   # $1: name, $2: query string
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -b "$JAR_COOKIES" "http://127.0.0.1:$PORT/api/tickets?$2"; done  # warm-up
  for _ in $(seq 1 "$R"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -b "$JAR_COOKIES" "http://127.0.0.1:$PORT/api/tickets?$2"
  done | sort -n | awk -v name="$1" '{ t[NR] = $1 * 1000 } END {
    printf "%-28s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)\n", name, t[int(NR * 0.5) + (NR % 2)],
           t[int(NR * 0.95 + 0.999)], t[NR], NR }'
}

echo "== GET /api/tickets over $(psql "$PG" -Atc "select count(*) from tickets") tickets, $R requests each"
measure "first page, all"            "page=0&size=20"
measure "unfinished (default tab)"   "status=active&size=20"
measure "unassigned"                 "unassigned=true&status=active&size=20"
measure "overdue"                    "overdue=true&size=20"
measure "type complaint"             "type=complaint&size=20"
measure "one agent's (mine-like)"    "status=in_progress&size=20"
measure "page 200 of all"            "page=200&size=20"
measure "search by phone"            "q=$phone"
measure "search by id"               "q=$id"
