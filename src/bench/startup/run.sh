#!/usr/bin/env bash
# Start-up to the first successful answer, and memory, of the packaged gateway: JDK 17, JDK 25, JDK 25
# with the AOT cache trained by the integration tests, and the native executable when one was built.
# Usage: src/bench/startup/run.sh [runs, default 5]
#   JDK17, JDK25: the two JDKs' homes (defaults: this machine's OpenJDK 17 and Temurin 25)
#   NATIVE: a native executable to measure too (./mvnw package -Pnative builds target/*-runner)
# Leaves target/quarkus-app as the AOT build (aot-jar packaging and app.aot).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS="${1:-5}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OUT=target/startup-bench
rm -rf "$OUT" && mkdir -p "$OUT"

# 1. The ordinary fast-jar, built on JDK 17: what `./mvnw package` gives everyone.
JAVA_HOME="$JDK17" ./mvnw -q -B -ntp -DskipTests package
cp -r target/quarkus-app "$OUT/fast-jar"

# 2. The aot-jar and its AOT cache, recorded by JDK 25 while the @QuarkusIntegrationTest suites run
#    against it (the unit tests are skipped: they do not train it). The cache only fits the JDK that
#    recorded it and the jar where it was recorded, so it is measured in place.
JAVA_HOME="$JDK25" ./mvnw -q -B -ntp verify -Paot -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
test -f target/quarkus-app/app.aot || { echo "no target/quarkus-app/app.aot was recorded" >&2; exit 1; }

variants=(
  "JDK 17, fast-jar=$JDK17/bin/java -jar $OUT/fast-jar/quarkus-run.jar"
  "JDK 25, fast-jar=$JDK25/bin/java -jar $OUT/fast-jar/quarkus-run.jar"
  "JDK 25, aot-jar + AOT cache=$JDK25/bin/java -XX:AOTCache=target/quarkus-app/app.aot -jar target/quarkus-app/quarkus-run.jar"
)
if [ -n "${NATIVE:-}" ]; then
  variants+=("native executable=$NATIVE")
else
  echo "native: not measured (set NATIVE=target/switchboard-0.1.0-SNAPSHOT-runner after ./mvnw package -Pnative)"
fi
"$JDK17/bin/java" src/bench/startup/StartupBench.java "$RUNS" "${variants[@]}"
