#!/usr/bin/env bash
# Real JMH runs through the real benchmark ingestion path: RUNS unchanged runs of a tiny CPU-bound
# benchmark (run-to-run noise), then one run doing 15 % more work per operation. Prints what the
# exporter exports for each run: the mean, the change against the previous main-branch run, and
# dx_benchmark_regressed. See BENCHMARKS.md, "Benchmark regression verdict".
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-6}
FORKS=${FORKS:-2}
ITERATIONS=${ITERATIONS:-8}
OUT=target/benchmark-regression
rm -rf "$OUT" && mkdir -p "$OUT"

mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt"
CP="target/test-classes:target/classes:$(cat "$OUT/cp.txt")"

jmh() { # output file, extra JVM args
  java -cp "$CP" org.openjdk.jmh.Main 'RegressionDemoBenchmark' \
    -f "$FORKS" -wi 3 -w 200ms -i "$ITERATIONS" -r 200ms -rf json -rff "$1" \
    ${2:+-jvmArgsAppend "$2"} >"$1.log"
}

runs=()
for i in $(seq -w 1 "$RUNS"); do
  jmh "$OUT/noise-$i.json"
  runs+=("$OUT/noise-$i.json")
done
jmh "$OUT/slower-15pct.json" -Ddx.demo.work=1.15
runs+=("$OUT/slower-15pct.json")

java -cp "$CP" dev.dxexporter.ingest.RegressionDemo "$OUT/work" "${runs[@]}"
