#!/usr/bin/env bash
# Every benchmark of issue 7 on H2 and on MariaDB, one after the other, each appending its
# section to bench/results.md (date, machine, settings, each figure beside its baseline):
#   B1 registration, B2 deadline storm, B4 dispatch, B5 footprint  (bench/engine-benchmark.sh)
#   B3 ledgers: imports, full and incremental rule runs          (bench/detection/run.sh)
#
#   bench/run-all.sh                      # the sizes of issue 7: storm 10,000, 1,000,000 ledger rows
#   SMALL=1 bench/run-all.sh              # a quick look: storm 1,000, 100,000 rows
#
# Needs MariaDB on 127.0.0.1:3306 (root, empty password; scratch databases made and
# dropped here) and about 40 minutes on 2 cores at full size (36 min on 2026-12-03). Run it on a machine
# doing nothing else: the figures are wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SMALL:-0}" = 1 ]; then
  STORM=1000; REGISTRATIONS=500; ROWS=100000
else
  STORM=10000; REGISTRATIONS=2000; ROWS=1000000
fi
export BENCH_OPTS="-Dbench.storm=$STORM -Dbench.registrations=$REGISTRATIONS -Dbench.threads=8 ${BENCH_OPTS:-}"
for db in h2 mariadb; do
  echo "=== engine benchmarks (B1, B2, B4, B5) on $db"
  bench/engine-benchmark.sh "$db"
  echo "=== detection benchmark (B3) on $db"
  DB_KIND="$db" ROWS="$ROWS" CHANGED=10000 bench/detection/run.sh
done
