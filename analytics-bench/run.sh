#!/usr/bin/env bash
# The analytics benchmark of docs/benchmarks.md ("Service analytics"): a year of history in PostgreSQL, then the
# analytics page's requests over HTTP, each timed three times (the first may read from disk).
#   1. starts the server on the database (Flyway creates the tables) with a throwaway administrator;
#   2. fills it with analytics-bench/generate.sql (N conversations, ten messages each) unless it holds them;
#   3. signs in and times /api/analytics/summary (30 days by day, 13 weeks by week, a year by month, a month of
#      one channel) and the CSV downloads.
# Usage: analytics-bench/run.sh [conversations]   (default 1000000: 10 million messages; about 10 GB of disk)
# The database: psql's variables (PGHOST, PGPORT, PGUSER, PGDATABASE; PGPASSWORD if needed), default
# 127.0.0.1:5432, user postgres, database kefu_bench (created if missing). KEFU_SERVER_JAR picks the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-kefu_bench}"
JAR="${KEFU_SERVER_JAR:-qa-server/target/qa-server-0.1.0-SNAPSHOT.jar}"
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl qa-server -am
psql -d postgres -tAc "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1 \
  || psql -d postgres -c "create database $PGDATABASE" >/dev/null
PORT="${KEFU_BENCH_PORT:-18282}"
DATA="$(mktemp -d)"
PASSWORD="bench-$(date +%s%N)"
KEFU_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" KEFU_DATABASE_USER="$PGUSER" \
  KEFU_DATABASE_PASSWORD="${PGPASSWORD:-}" KEFU_ADMIN_USERNAME=bench KEFU_ADMIN_PASSWORD="$PASSWORD" \
  java -Xmx1g -jar "$JAR" --server.port="$PORT" --kefu.data-dir="$DATA" --logging.level.root=WARN >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { cat "$DATA/server.log"; exit 1; }

HAVE=$(psql -tAc "select count(*) from conversations where id like 'gen-c%'")
if [ "$HAVE" -lt "$N" ]; then
  echo "generating $N conversations ($HAVE there)..."
  start=$(date +%s)
  psql -q -v n="$N" -f analytics-bench/generate.sql
  echo "generated in $(( $(date +%s) - start )) s"
fi
psql -tAc "select 'database: ' || pg_size_pretty(pg_database_size(current_database()))"

JAR_COOKIES="$DATA/cookies"
BASE="http://127.0.0.1:$PORT"
CSRF=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=bench" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"

day() { date -u -d "$1" +%F; }
TODAY=$(day today)
time_it() {   # name path
  local times=()
  for _ in 1 2 3; do
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" "$BASE$2")")
  done
  printf '%-34s %s | %s | %s\n' "$1" "${times[0]}" "${times[1]}" "${times[2]}"
}
echo "request (HTTP status, seconds; three runs)"
time_it "summary 30 days by day" "/api/analytics/summary?from=$(day '29 days ago')&to=$TODAY&bucket=day"
time_it "summary 13 weeks by week" "/api/analytics/summary?from=$(day '90 days ago')&to=$TODAY&bucket=week"
time_it "summary 1 year by month" "/api/analytics/summary?from=$(day '364 days ago')&to=$TODAY&bucket=month"
time_it "summary 30 days, channel web" "/api/analytics/summary?from=$(day '29 days ago')&to=$TODAY&channel=web"
time_it "overview.csv 30 days" "/api/analytics/overview.csv?from=$(day '29 days ago')&to=$TODAY"
time_it "unanswered.csv 30 days" "/api/analytics/unanswered.csv?from=$(day '29 days ago')&to=$TODAY"
