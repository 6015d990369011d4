#!/usr/bin/env bash
# The largest lockfile of each streamed format the dependency collector accepts (just under the 32 MiB
# cap) read in a child JVM with -Xmx128m, with its time and peak RSS: Cargo.lock (streamed, not
# tomlj) and package-lock.json (streamed entry by entry, not one tree). Needs java 17, maven and
# GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for probe in cargo.CargoLockHeapProbe npm.NpmLockHeapProbe; do
  for mb in 4 16 31; do
    printf '%-22s %3s MB, -Xmx128m: ' "${probe%%.*}" "$mb"
    /usr/bin/time -f "peak RSS %M KB" java -Xmx128m -cp "$CP" "dev.dxexporter.collect.deps.$probe" \
      "$WORK/lockfile" "$mb" 2>&1 | tail -2 | paste -sd' '
  done
done
