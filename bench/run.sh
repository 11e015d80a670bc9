#!/usr/bin/env bash
# The load benchmark: starts app/target/cria.jar against the fake Slack Web API and the fake Llama API
# (both inside the driver JVM, on 127.0.0.1), drives it with signed Slack app_mention events and prints
# ack latency, added overhead, throughput, peak RSS, CPU per event, losses and duplicates.
#   bench/run.sh --help          the options and their defaults
#   BENCH_NO_BUILD=1 bench/run.sh    reuse what the last build made
# See docs/benchmarks.md for the scenarios and the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh

case "${1:-}" in --help|-h) BENCH_NO_BUILD=1 ;; esac
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  ./mvnw -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
fi
exec "$JAVA" -Xmx1g -Xss512k -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.cria.bench.BenchMain "$@"
