# Sourced by run.sh and jmh.sh: picks a JDK 21+ (JAVA_HOME if it is one, else the newest under
# /usr/lib/jvm) for the build and the driver; Cria runs on the same JDK.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ]; then
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    if [ -x "$dir/bin/javac" ] && [ "$(java_major "$dir" || echo 0)" -ge 21 ]; then
      JAVA_HOME="${dir%/}"
      break
    fi
  done
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
if [ ! -x "$JAVA" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  echo "The benchmarks need a JDK 21 or newer: set JAVA_HOME" >&2
  exit 1
fi
