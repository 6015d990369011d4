#!/usr/bin/env bash
# The JUnit XML reader on a generated Surefire-style report (system-out on every case, failures
# with stack traces, flaky reruns): (1) a 500 MB, ~1,000,000-case file parsed in a child JVM with
# -Xmx128m (streaming: the heap does not grow with the file), with the child's peak RSS; (2) the
# JMH benchmark JUnitParseBenchmark, the reader beside a bare StAX pass over the same 100 MB, one
# thread. Needs java 17 and maven.
#
#   bench/junit-parse.sh            (both)
#   SKIP_JMH=1 bench/junit-parse.sh (only the 500 MB heap check)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-500}
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "## machine"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "## $MB MB report in a 128 MB heap"
java -cp "$CP" dev.dxexporter.collect.tests.LargeReport "$WORK/TEST-large.xml" "$MB"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f "child: wall %e s, peak RSS %M KB" \
    java -Xmx128m -cp "$CP" dev.dxexporter.collect.tests.CountCases "$WORK/TEST-large.xml"
else
  java -Xmx128m -cp "$CP" dev.dxexporter.collect.tests.CountCases "$WORK/TEST-large.xml"
fi
rm -f "$WORK/TEST-large.xml"

if [[ -z "${SKIP_JMH:-}" ]]; then
  echo "## JMH: reader vs bare StAX (100 MB in memory)"
  java -cp "$CP" org.openjdk.jmh.Main JUnitParseBenchmark 2>&1 | grep -E '^(Benchmark|JUnitParse)|report:' | sort -u
fi
