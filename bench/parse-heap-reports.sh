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
FORMATS=${FORMATS:-"junit lcov lcov-small cobertura jacoco cargo-timings ccache sccache jmh jmh-wide pytest pytest-wide googlecpp go go-wide criterion-sample webhook runs-page dx-yml"}
DOWN=${DOWN:-"96 64 48 32 24 16 12 8"}
UP=${UP:-"192 256 384 512"}
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROBE=dev.dxexporter.ingest.heap.ReportHeapProbe
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"

write() { # write FORMAT: the file at its cap (or $BYTES) under $WORK/project; prints its size
  mkdir -p "$WORK/project"
  case "$1" in
    webhook | runs-page)
      java -cp "$CP" dev.dxexporter.collect.github.GitHubHeapProbe write "$1" "$WORK/project/$1.json" ${BYTES:-} ;;
    dx-yml) # projects with tests and coverage, up to 4 KiB under YamlFiles.MAX_BYTES (1 MiB)
      awk -v max=$(( ${BYTES:-1044480} )) -v dir="$WORK/project" 'BEGIN { printf "projects:\n"; n = 10
        for (i = 0; ; i++) { s = sprintf("  - name: p%d\n    path: %s/p%d\n    tests:\n      reports:\n        - name: junit\n          paths: [target/surefire-reports/*.xml]\n    coverage:\n      reports:\n        - name: lcov\n          paths: [coverage/lcov.info]\n", i, dir, i)
          n += length(s); if (n >= max) break; printf "%s", s } }' > "$WORK/project/dx.yml"
      stat -c %s "$WORK/project/dx.yml" ;;
    *) java -cp "$CP" "$PROBE" write "$1" "$WORK/project" ${BYTES:-} ;;
  esac
}

JAVA=(java)
read_once() { # read_once FORMAT MB: exit 0 when read with -Xmx${MB}m ("${JAVA[@]}" runs the JVM)
  local format=$1 mb=$2
  rm -rf "$WORK/project/data"
  case "$format" in
    webhook | runs-page)
      "${JAVA[@]}" "-Xmx${mb}m" -XX:+UseSerialGC -cp "$CP" dev.dxexporter.collect.github.GitHubHeapProbe \
        read "$format" "$WORK/project/$format.json" ;;
    dx-yml) "${JAVA[@]}" "-Xmx${mb}m" -XX:+UseSerialGC -cp "$CP" dev.dxexporter.Main config check "$WORK/project/dx.yml" ;;
    *) "${JAVA[@]}" "-Xmx${mb}m" -XX:+UseSerialGC -cp "$CP" "$PROBE" read "$format" "$WORK/project" ;;
  esac
}

reads() { read_once "$1" "$2" >/dev/null 2>&1; }

echo "format            file bytes  write s  -Xmx128m: result, time, peak RSS          smallest -Xmx  heap bytes per input byte"
for format in $FORMATS; do
  rm -rf "$WORK/project"
  start=$(date +%s)
  bytes=$(write "$format")
  written=$(( $(date +%s) - start ))
  t0=$(date +%s%N)
  JAVA=(/usr/bin/time -f "rss=%MKB" java)
  out=$( (read_once "$format" 128 && echo read=ok) 2>&1 || true)
  JAVA=(java)
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  result=$(grep -q '^read=ok$' <<<"$out" && echo read || (grep -q OutOfMemoryError <<<"$out" && echo OutOfMemoryError || echo FAILED))
  at128="$result ${ms}ms $(grep -oE 'rss=[0-9]+KB' <<<"$out")"
  smallest=none
  if [[ "$result" == read ]]; then
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
  if [[ "$result" == FAILED ]]; then # a refusal: say why (the collector's log line)
    echo "                  $(grep -m1 -oE '(not read|refused).*' <<<"$out" | cut -c1-200)"
  fi
  rm -rf "$WORK/project"
done
