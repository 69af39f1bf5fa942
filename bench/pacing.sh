#!/usr/bin/env bash
# Cost-pacing benchmark (issue 5): two worker JVMs x 8 threads per plan against the simulator, sharing the Redis
# bucket; prints utilisation of the restore rate and the THROTTLED rate. Loopback only; needs Redis on REDIS_URL.
# Usage: bench/pacing.sh [seconds per plan (default 60)]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -DskipITs -pl bench -am
./mvnw -q -B -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.neanelu.bench.pacing.PacingBenchmark \
  "${1:-60}" "${REDIS_URL:-redis://127.0.0.1:6379}"
