#!/usr/bin/env bash
# End-to-end JUnit ingestion in the real daemon with -Xmx128m: a generated 500 MB Surefire-style
# report (~1,100,000 cases, system-out, failures with stack traces, flaky reruns) (1) discovered on
# disk by a project's tests collector, (2) sent by `dx-exporter push` (gzip) to a second project.
# Each: the time from the file being there (or the push starting) to its counts in /metrics, the
# counts against the generator's, and the daemon's peak RSS (VmHWM) and store size. Parse + store,
# in one process, on the daemon's collector thread or its HTTP thread.
#
#   bench/junit-ingest.sh           (MB=500)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-500}
PORT=${PORT:-19184}
mvn -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
mvn -q -B -ntp test-compile
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
WORK=$(mktemp -d)
DAEMON=
cleanup() { [[ -n "$DAEMON" ]] && kill "$DAEMON" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "## machine"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/disk/target/surefire-reports" "$WORK/pushed"
cat >"$WORK/dx.yml" <<YML
global:
  push: {max_request_size: 2GiB}
projects:
  - name: disk
    path: disk
    dependencies: {enabled: false}
    tests: {schedule: 1s, reports: [{name: unit, paths: ["target/surefire-reports/*.xml"]}]}
  - name: pushed
    path: pushed
    dependencies: {enabled: false}
    tests: {reports: []}
    push: {token: {env: DX_BENCH_TOKEN}}
YML
java -cp "$CP" dev.dxexporter.collect.tests.LargeReport "$WORK/TEST-large.xml" "$MB" | tee "$WORK/generated.txt"
echo "file: $(stat -c %s "$WORK/TEST-large.xml") bytes"

export DX_BENCH_TOKEN=bench
java -Xmx128m -XX:+UseSerialGC -jar target/dx-exporter.jar --config.file "$WORK/dx.yml" \
  --storage.path "$WORK/data" --web.listen-address "127.0.0.1:$PORT" >"$WORK/daemon.log" 2>&1 &
DAEMON=$!
until curl -sf "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 || curl -sf "http://127.0.0.1:$PORT/metrics" >/dev/null 2>&1; do sleep 0.2; done

counts() { # project -> "passed=… flaky=… skipped=… failed=… errored=…"
  curl -s "http://127.0.0.1:$PORT/metrics" | awk -v p="$1" '
    $1 ~ "^dx_tests\\{" && $1 ~ "project=\"" p "\"" {
      match($1, /result="[a-z]+"/); r = substr($1, RSTART + 8, RLENGTH - 9); v[r] = $2 }
    END { printf "passed=%d flaky=%d skipped=%d failed=%d errored=%d", v["passed"], v["flaky"], v["skipped"], v["failed"], v["errored"] }'
}
ingested() { curl -s "http://127.0.0.1:$PORT/metrics" | grep -c "^dx_reports_ingested_total{outcome=\"stored\",project=\"$1\"" || true; }
now() { date +%s.%N; }

echo "## (1) discovered on disk"
start=$(now)
mv "$WORK/TEST-large.xml" "$WORK/disk/target/surefire-reports/"
until [[ "$(ingested disk)" -ge 1 && "$(counts disk)" != passed=0* ]]; do sleep 0.2; done
end=$(now)
echo "ingested in $(echo "$end - $start" | bc) s (includes up to 1 s until the next scan)"
echo "metrics:   $(counts disk)"
echo "generator: $(cat "$WORK/generated.txt")"
echo "daemon peak RSS: $(grep VmHWM /proc/$DAEMON/status | awk '{print $2}') KB; store: $(du -sk "$WORK/data" | cut -f1) KB"

echo "## (2) pushed with dx-exporter push (gzip)"
start=$(now)
java -Xmx128m -jar target/dx-exporter.jar push --url "http://127.0.0.1:$PORT" --project pushed \
  --token-env DX_BENCH_TOKEN --timeout 10m "$WORK/disk/target/surefire-reports/TEST-large.xml" | cut -c1-200
end=$(now)
until [[ "$(ingested pushed)" -ge 1 && "$(counts pushed)" != passed=0* ]]; do sleep 0.2; done
echo "push answered in $(echo "$end - $start" | bc) s (gzip on the client, upload, parse and store)"
echo "metrics:   $(counts pushed)"
echo "daemon peak RSS: $(grep VmHWM /proc/$DAEMON/status | awk '{print $2}') KB; store: $(du -sk "$WORK/data" | cut -f1) KB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -c 'level=error' "$WORK/daemon.log" | sed 's/^/daemon log errors: /' || true
