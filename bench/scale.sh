#!/usr/bin/env bash
# One daemon, many projects: for N projects (default 1 10 100 1000), each a Cargo manifest and a small
# target/ (FILES files), one config lists them all with a `target` cache each (dependencies are
# detected), so every project has 3 collectors: cache:target, dependencies (both every SCHEDULE) and
# trends (every 1 m). The daemon starts with default flags and an empty HOME; bench/scale_probe.py
# then measures, from process launch:
#   listening_ms  first 200 from /-/healthy          setup_ms  the "listening on" log line (plan built)
#   all_run_ms    every collector in /metrics ran    ready_ms  first 200 from /-/ready
#   cpu_s_at_all_run  the process's user+system CPU seconds when all had run (what the start-up
#                     costs, whatever else loads the machine)
# then, over WINDOW seconds, the longest gap between two runs of any collector minus its period
# (it keeps its schedule when that excess stays under set_s, the time the whole set needs: the
# sum of the last run durations over the 4 workers), the RSS, the /metrics body (plain text), a
# `wrk` run of 10 s with 50 connections asking as Prometheus does (OpenMetrics, gzip; p50/p99), and
# whether a reload of the unchanged file re-ran any collector. check_ms: `config check` of the file.
#
#   bench/scale.sh                          (SIZES="1 10 100 1000" FILES=20 SCHEDULE=30s WINDOW=75)
#   SIZES=1000 WINDOW=0 bench/scale.sh      (start-up figures only)
#   JAR=/tmp/old.jar bench/scale.sh         (another build, e.g. the one before a change)
#
# Needs java 17, python3, curl and wrk (Debian package `wrk`).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-1 10 100 1000}
FILES=${FILES:-20}
SCHEDULE=${SCHEDULE:-30s}
WINDOW=${WINDOW:-75}
LIMIT=${LIMIT:-240}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=${JAR:-$PWD/target/dx-exporter.jar}
[[ -f "$JAR" ]] || mvn -q -B -DskipTests package
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"

generate() { # generate N DIR: N projects under DIR and DIR/dx-exporter.yml listing them
  local n=$1 dir=$2 p
  mkdir -p "$dir"
  {
    echo "global:"
    echo "  cache: {schedule: $SCHEDULE}"
    echo "  dependencies: {schedule: $SCHEDULE}"
    echo "projects:"
  } >"$dir/dx-exporter.yml"
  for i in $(seq -w 1 "$n"); do
    p=$dir/p$i
    mkdir -p "$p/target/debug/deps"
    printf '[package]\nname = "p%s"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\ntokio = "1"\n' "$i" >"$p/Cargo.toml"
    for f in $(seq 1 "$FILES"); do printf 'object %s' "$f" >"$p/target/debug/deps/f$f.o"; done
    printf '  - {name: p%s, path: p%s, caches: [{name: target, path: target}]}\n' "$i" "$i" >>"$dir/dx-exporter.yml"
  done
}

echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "JAVA_OPTS: ${JAVA_OPTS:-(none)}; FILES=$FILES SCHEDULE=$SCHEDULE WINDOW=${WINDOW}s"
echo "projects,collectors,check_ms,listening_ms,setup_ms,all_run_ms,ready_ms,cpu_s_at_all_run,max_period_excess_s,set_s,rss_mib,body_kb,p50_ms,p99_ms,reload_reran,load_before,load_after"
for n in $SIZES; do
  dir=$WORK/n$n
  generate "$n" "$dir"
  start=$(date +%s%N)
  check=$(java $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" config check "$dir/dx-exporter.yml")
  check_ms=$((($(date +%s%N) - start) / 1000000))
  collectors=$(sed -E 's/.* ([0-9]+) collector.*/\1/' <<<"$check")
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  port=$((29600 + ${#n}))
  launch=$(date +%s%3N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" --config.file="$dir/dx-exporter.yml" \
    --web.listen-address=127.0.0.1:$port >"$WORK/log" 2>&1 &
  pid=$!
  probe=$(python3 bench/scale_probe.py --port "$port" --pid "$pid" --launch-ms "$launch" \
    --log "$WORK/log" --collectors "$collectors" --window "$WINDOW" --limit "$LIMIT")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$n,$collectors,$check_ms,$probe,$load_before,$(cut -d' ' -f1 /proc/loadavg)"
done
