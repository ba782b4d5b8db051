#!/usr/bin/env bash
# The detection benchmark on MariaDB: a scratch database, the app (profile mysql) on its own
# port, then DetectionBench (src/test/java/cn/jiandu/bench) streams the generated ledgers
# through the HTTP API, runs the rules in full, changes some cases, runs incrementally, and
# appends the figures to bench/results.md.
#
#   bench/detection/run.sh                 # 100,000 incidents and cases
#   ROWS=1000000 bench/detection/run.sh    # 1,000,000
#
# Settings (environment): ROWS (100000), CHANGED (10000), VIOLATIONS per mille per rule (1),
# DB (jiandu_bench), DB_HOST (127.0.0.1), DB_USER (root), DB_PASSWORD (empty), PORT (18080),
# APP_HEAP (2g), KEEP_DB=1 keeps the database afterwards. Needs Java 17 and the mysql client.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS="${ROWS:-100000}"
CHANGED="${CHANGED:-10000}"
VIOLATIONS="${VIOLATIONS:-1}"
DB="${DB:-jiandu_bench}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_USER="${DB_USER:-root}"
DB_PASSWORD="${DB_PASSWORD:-}"
PORT="${PORT:-18080}"
APP_HEAP="${APP_HEAP:-2g}"
WORK=bench/work
mkdir -p "$WORK"

mysql_() { mysql -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -h"$DB_HOST" "$@"; }

echo "=== build (jar and the bench client)"
# -DskipUTs: the pom binds surefire's skipTests to it
./mvnw -q -B -DskipUTs=true package
./mvnw -q -B -DskipUTs=true test-compile
JAR=$(ls target/jiandu-*.jar | grep -v original | head -1)

echo "=== scratch database $DB"
mysql_ -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4;"
DB_VERSION=$(mysql_ -N -e "SELECT CONCAT(VERSION(), ', innodb_buffer_pool_size ', @@innodb_buffer_pool_size DIV 1048576, ' MiB')")

echo "=== app on port $PORT (log: $WORK/app.log)"
JIANDU_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB?sendFractionalSeconds=false&characterEncoding=UTF-8" \
JIANDU_DB_USERNAME="$DB_USER" JIANDU_DB_PASSWORD="$DB_PASSWORD" \
JIANDU_ADMIN_USERNAME=bench JIANDU_ADMIN_PASSWORD=bench-secret-1 \
JIANDU_DETECTION_SCHEDULE=- JIANDU_NOTIFICATION_DISPATCHER_ENABLED=false PORT="$PORT" \
  java -Xmx"$APP_HEAP" -jar "$JAR" --spring.profiles.active=mysql > "$WORK/app.log" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  if [ "${KEEP_DB:-0}" != 1 ]; then mysql_ -e "DROP DATABASE IF EXISTS $DB;" || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP" 2>/dev/null; then echo "the app stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

echo "=== benchmark: $ROWS rows, $CHANGED changed"
java -cp target/test-classes cn.jiandu.bench.DetectionBench --url "http://127.0.0.1:$PORT" \
  --user bench --password bench-secret-1 --rows "$ROWS" --changed "$CHANGED" --violations "$VIOLATIONS" \
  --results bench/results.md \
  --database "MariaDB $DB_VERSION; app JDK $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), -Xmx$APP_HEAP"
echo "=== rule runs as the app logged them (appended to bench/results.md)"
{
  echo
  echo "The runs as the app logged them (rules: reading and judging the ledgers; problems: registering"
  echo "each new finding's problem and starting its process, raising):"
  echo
  grep "Detection run" "$WORK/app.log" | sed 's/.*DetectionRuns *: /- /'
} | tee -a bench/results.md
