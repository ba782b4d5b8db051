#!/usr/bin/env bash
# B1, B2, B4 and B5 (issue 7) beside their baselines on the same engine and database:
# builds the jar and the bench classes, runs cn.jiandu.bench.EngineBenchmark, which starts
# the app as its own process and appends to bench/results.md.
#   bench/engine-benchmark.sh            H2 (file, under bench/work/h2)
#   bench/engine-benchmark.sh mariadb    MariaDB on 127.0.0.1:3306 (database jiandu_bench, made and dropped here)
# Sizes: BENCH_OPTS="-Dbench.storm=10000 -Dbench.registrations=500 -Dbench.threads=4"
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-h2}"
./mvnw -B -q -DskipTests package
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
if [ "$DB" = mariadb ]; then
  mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS jiandu_bench; CREATE DATABASE jiandu_bench CHARACTER SET utf8mb4;"
  trap 'mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS jiandu_bench;"' EXIT
fi
# shellcheck disable=SC2086
java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -Dbench.db="$DB" ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.jiandu.bench.EngineBenchmark
