#!/usr/bin/env bash
# Start-up of the daemon as the README's quick start runs it: `java -jar target/dx-exporter.jar` with no
# config inside a Cargo project (a workspace of 2 members and a target/ of TARGET_FILES files), timed from
# process launch to the first 200 from /-/ready (every collector has run once) and to the first /metrics
# that holds dx_cache_size_bytes; then its resident memory (RSS) 5 s later and the exposition's size.
#
#   bench/daemon-startup.sh                 (ROUNDS=5 TARGET_FILES=20000 JAVA_OPTS="")
#   JAVA_OPTS="-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" bench/daemon-startup.sh
#
# HOME is a fresh empty directory, so only the project's own target/ is scanned (no ~/.m2, ~/.cargo).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
TARGET_FILES=${TARGET_FILES:-20000}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=$PWD/target/dx-exporter.jar
[[ -f "$JAR" ]] || mvn -q -B -DskipTests package

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROJECT=$WORK/shop
mkdir -p "$PROJECT/crates/core" "$PROJECT/crates/cli" "$WORK/home"
printf '[workspace]\nmembers = ["crates/*"]\n' > "$PROJECT/Cargo.toml"
printf '[package]\nname = "core"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\ntokio = "1"\n' > "$PROJECT/crates/core/Cargo.toml"
printf '[package]\nname = "cli"\nversion = "0.1.0"\n[dependencies]\ncore = { path = "../core" }\nclap = "4"\n' > "$PROJECT/crates/cli/Cargo.toml"
for d in $(seq 0 99); do mkdir -p "$PROJECT/target/debug/incremental/c$d"; done
for i in $(seq 1 "$TARGET_FILES"); do
  printf 'x%.0s' $(seq 1 $((i % 7 + 1))) > "$PROJECT/target/debug/incremental/c$((i % 100))/f$i.o"
done
echo "tree: $(find "$PROJECT/target" ! -type d | wc -l) files in target/; java: $(java -version 2>&1 | head -1)"
echo "JAVA_OPTS: ${JAVA_OPTS:-(none)}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "round,ready_ms,first_cache_metrics_ms,rss_mib,exposition_bytes"

now_ms() { date +%s%3N; }
for r in $(seq 1 "$ROUNDS"); do
  PORT=$((29500 + r))
  start=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$PROJECT" && exec java $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" \
      --web.listen-address=127.0.0.1:$PORT >"$WORK/log" 2>&1) &
  pid=$!
  ready=""; metrics=""
  for _ in $(seq 1 3000); do
    if [[ -z "$metrics" ]] && curl -sf "http://127.0.0.1:$PORT/metrics" 2>/dev/null | grep -q '^dx_cache_size_bytes'; then
      metrics=$(( $(now_ms) - start ))
    fi
    if [[ -z "$ready" ]] && [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/-/ready")" == 200 ]]; then
      ready=$(( $(now_ms) - start ))
    fi
    [[ -n "$ready" && -n "$metrics" ]] && break
    sleep 0.01
  done
  sleep 5
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  bytes=$(curl -s "http://127.0.0.1:$PORT/metrics" | wc -c)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$r,$ready,$metrics,$rss,$bytes"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
