#!/usr/bin/env bash
# Every report format the daemon reads besides dependency files (those are bench/parse-heap.sh),
# each just under its own cap (ReportCapFiles, BenchCapFiles: many small records, all distinct),
# through the collector the daemon runs (reader, then the SQLite store): whether it is taken in
# within -Xmx128m, and the smallest -Xmx of a ladder that still takes it in, divided by the file's
# size: the heap each byte of input needs (an upper bound: it includes the JVM's own few MiB).
# Files are streamed to disk and deleted after each format. Needs java 17, maven and GNU time.
#
#   bench/parse-heap-reports.sh                 (every format)
#   FORMATS="jmh go" bench/parse-heap-reports.sh
#   BYTES=8388608 FORMATS=go bench/parse-heap-reports.sh   (a size other than the cap)
set -euo pipefail
cd "$(dirname "$0")/.."
FORMATS=${FORMATS:-"junit lcov lcov-small cobertura jacoco cargo-timings jmh pytest googlecpp go criterion-sample"}
DOWN=${DOWN:-"96 64 48 32 24 16 12 8"}
UP=${UP:-"192 256 384 512"}
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROBE=dev.dxexporter.ingest.heap.ReportHeapProbe
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"

reads() { # reads FORMAT MB: exit 0 when the report is taken in with -Xmx${MB}m
  rm -rf "$WORK/project/data"
  java "-Xmx$2m" -XX:+UseSerialGC -cp "$CP" "$PROBE" read "$1" "$WORK/project" >/dev/null 2>&1
}

echo "format            file bytes  write s  -Xmx128m: result, time, peak RSS          smallest -Xmx  heap bytes per input byte"
for format in $FORMATS; do
  rm -rf "$WORK/project"
  start=$(date +%s)
  bytes=$(java -cp "$CP" "$PROBE" write "$format" "$WORK/project" ${BYTES:-})
  written=$(( $(date +%s) - start ))
  rm -rf "$WORK/project/data"
  at128=$(/usr/bin/time -f "rss=%MKB" java -Xmx128m -XX:+UseSerialGC -cp "$CP" "$PROBE" read \
    "$format" "$WORK/project" 2>&1 | grep -oE '(read|ms|rss)=[A-Za-z0-9]+' | paste -sd' ' || true)
  smallest=none
  if [[ "$at128" == read=ok* ]]; then
    smallest=128
    for mb in $DOWN; do
      if reads "$format" "$mb"; then smallest=$mb; else break; fi
    done
  else
    for mb in $UP; do
      if reads "$format" "$mb"; then smallest=$mb; break; fi
    done
  fi
  ratio=$( [ "$smallest" = none ] && echo "-" || echo "scale=2; $smallest * 1048576 / $bytes" | bc)
  printf '%-17s %11s  %7s  %-42s %5s MiB  %s\n' "$format" "$bytes" "$written" "$at128" "$smallest" "$ratio"
  rm -rf "$WORK/project"
done
