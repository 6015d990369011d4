#!/usr/bin/env bash
# Times opening the store in fresh JVMs: once on an empty data directory (Flyway creates the schema),
# then ROUNDS times on the existing database (Flyway validates only), the case that counts for the
# daemon's start. Runs against the shaded jar, as production does (Flyway scans that jar for
# migrations), with the JVM flags of the README's start-up figures.
#
#   bench/store-open.sh            ROUNDS=15 bench/store-open.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-10}
JAR=target/dx-exporter.jar
[[ -f "$JAR" ]] || mvn -q -B -ntp package -DskipTests
[[ -d target/test-classes/dev/dxexporter/store/bench ]] || mvn -q -B -ntp test-compile
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
JAVA=(java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$JAR:target/test-classes")
MAIN=dev.dxexporter.store.bench.StoreOpenTiming

echo "java: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "empty directory (migrates): $("${JAVA[@]}" $MAIN "$DATA")"
for i in $(seq "$ROUNDS"); do
  echo "existing database, run $i: $("${JAVA[@]}" $MAIN "$DATA")"
done
