#!/usr/bin/env bash
# The largest lockfile of each streamed format the dependency collector accepts (just under the 32 MiB
# cap) read in a child JVM with -Xmx128m, with its time and peak RSS: Cargo.lock (streamed, not
# tomlj) and package-lock.json (streamed entry by entry, not one tree). Then every manifest and
# lockfile format the dependency collector reads, each just under its own cap (CapFiles), through the
# real DependencyCollector: whether it is read within -Xmx128m, and the smallest -Xmx of a ladder
# that still reads it, divided by the file's size: the heap each byte of input needs. Needs java 17,
# maven and GNU time.
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

echo
echo "format        file bytes  -Xmx128m: result, time, peak RSS     smallest -Xmx that reads it  heap bytes per input byte"
for format in cargo-lock cargo-toml npm-lock npm-lock-v1 package-json pom go-mod; do
  rm -rf "$WORK/project"
  bytes=$(java -cp "$CP" dev.dxexporter.collect.deps.DepsHeapProbe write "$format" "$WORK/project")
  at128=$(/usr/bin/time -f "rss=%MKB" java -Xmx128m -XX:+UseSerialGC -cp "$CP" \
    dev.dxexporter.collect.deps.DepsHeapProbe read "$WORK/project" 2>&1 | grep -E 'read=|rss=' | paste -sd' ' || true)
  smallest=none
  for mb in 128 96 64 48 32 24 16 12 8 6 4; do
    if java "-Xmx${mb}m" -XX:+UseSerialGC -cp "$CP" dev.dxexporter.collect.deps.DepsHeapProbe read \
      "$WORK/project" >/dev/null 2>&1; then
      smallest=$mb
    else
      break
    fi
  done
  ratio=$( [ "$smallest" = none ] && echo "-" || echo "scale=2; $smallest * 1048576 / $bytes" | bc)
  printf '%-13s %10s  %-45s %5s MiB  %s\n' "$format" "$bytes" "$at128" "$smallest" "$ratio"
done
