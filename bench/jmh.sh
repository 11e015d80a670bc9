#!/usr/bin/env bash
# JMH benchmarks of the hot paths: SSE parsing, Markdown to mrkdwn rendering, history trimming.
#   bench/jmh.sh                  all of them, short iterations (see the @Warmup/@Measurement defaults)
#   bench/jmh.sh Sse -prof gc     one group, with JMH's own options after the name pattern
#   BENCH_NO_BUILD=1 bench/jmh.sh     reuse what the last build made
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  ./mvnw -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
fi
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.openjdk.jmh.Main "$@"
