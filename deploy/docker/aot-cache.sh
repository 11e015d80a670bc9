#!/bin/sh
# Makes the JDK's ahead-of-time cache for cria.jar (JDK 25 or newer: JEPs 483, 514 and 515), which
# has Cria ready several times sooner: a training run starts Cria on a throwaway H2 database with
# no platform configured, waits until it says it is ready, and stops it; the JVM writes the cache
# as it exits. Run it with the same java that will run Cria, on the same jar (a cache made for
# another jar or JVM is ignored, with a warning):
#   deploy/docker/aot-cache.sh app/target/cria.jar cria.aot
#   java -XX:AOTCache=cria.aot -jar app/target/cria.jar
# The Docker image runs it at build time (deploy/Dockerfile).
set -eu
jar=${1:?usage: aot-cache.sh CRIA_JAR OUTPUT_CACHE}
cache=${2:?usage: aot-cache.sh CRIA_JAR OUTPUT_CACHE}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# AOT_JVM_OPTIONS: options the production runs use as well (the collector, say).
# Only what the training run needs: its own data directory and port, no tokens of any kind.
env -i PATH="$PATH" HOME="$work" CRIA_DATA_DIR="$work/data" PORT="${AOT_TRAINING_PORT:-18089}" \
  "$java" ${AOT_JVM_OPTIONS:-} -XX:AOTCacheOutput="$cache" -jar "$jar" >"$work/training.log" 2>&1 &
pid=$!
waited=0
until grep -q "is ready" "$work/training.log"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
    cat "$work/training.log" >&2
    echo "aot-cache.sh: the training run did not get ready" >&2
    exit 1
  fi
  sleep 0.2
  waited=$((waited + 1))
done
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$cache" ]; then
  cat "$work/training.log" >&2
  echo "aot-cache.sh: no cache was written to $cache" >&2
  exit 1
fi
echo "aot-cache.sh: wrote $cache"
