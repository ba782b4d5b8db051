#!/usr/bin/env bash
# The detection benchmark (B3): a scratch database, the app on its own port, then
# DetectionBench (src/test/java/cn/jiandu/bench) streams the generated ledgers through the
# HTTP API, runs the rules in full, changes some cases, runs incrementally, and appends the
# figures to bench/results.md, beside the baselines on the same database (a plain JDBC batch
# insert of the same rows, one indexed SELECT COUNT(*) over the ledgers).
#
#   bench/detection/run.sh                 # 100,000 incidents and cases, MariaDB
#   ROWS=1000000 bench/detection/run.sh    # 1,000,000
#   DB_KIND=h2 bench/detection/run.sh      # H2 in file mode (bench/work/h2-detection)
#
# Settings (environment): ROWS (100000), CHANGED (10000), VIOLATIONS per mille per rule (1),
# DB (jiandu_bench), DB_HOST (127.0.0.1), DB_USER (root), DB_PASSWORD (empty), PORT (18080),
# APP_HEAP (2g), KEEP_DB=1 keeps the database afterwards, INNODB_BUFFER_POOL (2 GiB for the
# run, restored after; 0 leaves the server's). Needs Java 17 and the mysql client.
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

DB_KIND="${DB_KIND:-mariadb}"

echo "=== build (jar and the bench client)"
# -DskipUTs: the pom binds surefire's skipTests to it
./mvnw -q -B -DskipUTs=true package
./mvnw -q -B -DskipUTs=true test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
JAR=$(ls target/jiandu-*.jar | grep -v original | head -1)

if [ "$DB_KIND" = h2 ]; then
  H2_DIR="$PWD/$WORK/h2-detection"
  rm -rf "$H2_DIR" && mkdir -p "$H2_DIR"
  # AUTO_SERVER: the bench's baselines open the same file while the app has it open
  JDBC="jdbc:h2:file:$H2_DIR/jiandu;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
  JDBC_USER=sa
  DB_VERSION="H2 (file) $(basename "$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | tail -1)" .jar)"
  APP_DB_ARGS=(--spring.datasource.url="$JDBC" --spring.datasource.username=sa)
else
  echo "=== scratch database $DB"
  mysql_ -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4;"
  # A million incidents and cases take about 600 MiB of InnoDB pages; MariaDB's default buffer
  # pool (128 MiB, this machine's) holds a fifth of them, and every incremental run reads from
  # disk what a bureau's database server, sized for its data, keeps in memory. The run sizes
  # the pool for the data (INNODB_BUFFER_POOL, bytes; 0 leaves it) and gives it back after.
  POOL_BEFORE=$(mysql_ -N -e "SELECT @@innodb_buffer_pool_size")
  POOL="${INNODB_BUFFER_POOL:-2147483648}"
  if [ "$POOL" != 0 ]; then mysql_ -e "SET GLOBAL innodb_buffer_pool_size = $POOL"; sleep 2; fi
  DB_VERSION="MariaDB $(mysql_ -N -e "SELECT CONCAT(VERSION(), ', innodb_buffer_pool_size ', @@innodb_buffer_pool_size DIV 1048576, ' MiB')")"
  JDBC="jdbc:mysql://$DB_HOST:3306/$DB?sendFractionalSeconds=false&characterEncoding=UTF-8"
  JDBC_USER="$DB_USER"
  APP_DB_ARGS=(--spring.profiles.active=mysql)
fi

echo "=== app on port $PORT (log: $WORK/app.log)"
JIANDU_DB_URL="$JDBC" JIANDU_DB_USERNAME="$JDBC_USER" JIANDU_DB_PASSWORD="$DB_PASSWORD" \
JIANDU_ADMIN_USERNAME=bench JIANDU_ADMIN_PASSWORD=bench-secret-1 \
JIANDU_PRIVACY_KEY=amlhbmR1LWJlbmNoLWtleS1vbmx5LWZvci1iZW5jaCE= \
JIANDU_DETECTION_SCHEDULE=- JIANDU_NOTIFICATION_DISPATCHER_ENABLED=false PORT="$PORT" \
  java -Xmx"$APP_HEAP" -jar "$JAR" "${APP_DB_ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  if [ "$DB_KIND" != h2 ] && [ "${KEEP_DB:-0}" != 1 ]; then mysql_ -e "DROP DATABASE IF EXISTS $DB;" || true; fi
  if [ -n "${POOL_BEFORE:-}" ]; then mysql_ -e "SET GLOBAL innodb_buffer_pool_size = $POOL_BEFORE" || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP" 2>/dev/null; then echo "the app stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

echo "=== benchmark: $ROWS rows, $CHANGED changed"
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" cn.jiandu.bench.DetectionBench \
  --url "http://127.0.0.1:$PORT" \
  --user bench --password bench-secret-1 --rows "$ROWS" --changed "$CHANGED" --violations "$VIOLATIONS" \
  --jdbc "$JDBC" --jdbc-user "$JDBC_USER" --jdbc-password "$DB_PASSWORD" \
  --results bench/results.md \
  --database "$DB_VERSION; app JDK $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), -Xmx$APP_HEAP"
echo "=== rule runs as the app logged them (appended to bench/results.md)"
{
  echo
  echo "The runs as the app logged them (rules: reading and judging the ledgers; problems: registering"
  echo "each new finding's problem and starting its process, raising):"
  echo
  grep "Detection run" "$WORK/app.log" | sed 's/.*DetectionRuns *: /- /'
} | tee -a bench/results.md
