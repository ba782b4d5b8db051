#!/usr/bin/env bash
# The monthly report of 100 units and 100 000 problems: builds the classes, runs
# cn.jiandu.report.MonthlyReportBenchmark and appends its times to bench/results.md.
#   bench/report-benchmark.sh            H2 in memory (the embedded default)
#   bench/report-benchmark.sh mariadb    MariaDB on 127.0.0.1:3306 (database jiandu_report_bench, made and dropped here)
# Extra JVM settings: BENCH_OPTS="-Dbench.problems=200000 -Dbench.runs=9"
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-h2}"
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
if [ "$DB" = mariadb ]; then
  mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS jiandu_report_bench; CREATE DATABASE jiandu_report_bench CHARACTER SET utf8mb4;"
  trap 'mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS jiandu_report_bench;"' EXIT
fi
# shellcheck disable=SC2086
java -Xmx3g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -Dbench.db="$DB" ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.jiandu.report.MonthlyReportBenchmark
