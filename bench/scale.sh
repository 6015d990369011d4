#!/usr/bin/env bash
# One daemon, many projects: for N projects (default 1 10 100 1000), each a Cargo manifest and a small
# target/ (FILES files), one config lists them all with a `target` cache each (dependencies are
# detected), so every project has 3 collectors: cache:target, dependencies (both every SCHEDULE) and
# trends (every 1 m). The daemon starts, with an empty HOME, once for each of OPTIONS:
#   default  `java -jar` with the JVM's default flags (plus JAVA_OPTS)
#   shipped  the launcher bin/dx-exporter with its jvm.options, as users run it (JAVA_OPTS appended)
#   cds      the same plus an AppCDS archive of this jar, dumped first by one training run
#            (-XX:ArchiveClassesAtExit: a 10-project daemon until /-/ready and one scrape)
# bench/scale_probe.py then measures, from process launch:
#   listening_ms  first 200 from /-/healthy          setup_ms  the "listening on" log line (plan built)
#   all_run_ms    every collector in /metrics ran    ready_ms  first 200 from /-/ready
#   cpu_s_at_all_run  the process's user+system CPU seconds when all had run (what the start-up
#                     costs, whatever else loads the machine)
# then, over WINDOW seconds, the longest gap between two runs of any collector minus its period
# (it keeps its schedule when that excess stays under set_s, the time the whole set needs: the
# sum of the last run durations over the 4 workers), the RSS, the /metrics body (plain text) and
# as Prometheus gets it (OpenMetrics, gzip), a `wrk` run of 10 s with 50 connections asking so
# (p50/p99), the RSS after it, and whether a reload of the unchanged file re-ran any collector.
# check_ms, check_cpu_s: `config check` of the file, in a fresh JVM with the same options (wall
# time, and user+system CPU seconds: the figure the machine's load does not change).
# NMT=1 adds -XX:NativeMemoryTracking=summary and keeps `jcmd VM.native_memory summary` from before
# and after wrk in bench/work/nmt-OPTIONS-N.txt (NMT itself costs a few MiB).
#
#   bench/scale.sh                          (SIZES="1 10 100 1000" OPTIONS="default shipped cds"
#                                            FILES=20 SCHEDULE=30s WINDOW=75)
#   SIZES=1000 WINDOW=0 bench/scale.sh      (start-up figures only)
#   JAR=/tmp/old.jar bench/scale.sh         (another build, e.g. the one before a change)
#
# Needs java 17 (jcmd for NMT), python3, curl and wrk (Debian package `wrk`); the launcher comes
# from `mvn package` (target/dx-exporter-*/dx-exporter-*/bin/dx-exporter).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-1 10 100 1000}
FILES=${FILES:-20}
SCHEDULE=${SCHEDULE:-30s}
WINDOW=${WINDOW:-75}
LIMIT=${LIMIT:-240}
OPTIONS=${OPTIONS:-default shipped cds}
JAVA_OPTS=${JAVA_OPTS:-}
NMT=${NMT:-0}
JAR=${JAR:-$PWD/target/dx-exporter.jar}
launcher() { ls -d "$PWD"/target/dx-exporter-*/dx-exporter-*/bin/dx-exporter 2>/dev/null | head -1; }
[[ -f "$JAR" && -n "$(launcher)" ]] || mvn -q -B -DskipTests package
LAUNCHER=$(launcher)
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

# children_cpu_s AFTER BEFORE: user+system CPU seconds of children between two `times` outputs.
children_cpu_s() {
  awk 'FNR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += (FILENAME == ARGV[1] ? 1 : -1) * (t[1] * 60 + t[2]) } }
       END { printf "%.2f", s }' "$1" "$2"
}

# exporter VARIANT ARGS...: runs the exporter as OPTIONS' VARIANT says (exec: the pid is the JVM's).
exporter() {
  local variant=$1 nmt=
  shift
  [[ $NMT == 1 ]] && nmt=-XX:NativeMemoryTracking=summary
  case $variant in
    # shellcheck disable=SC2086
    default) exec java $nmt $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" "$@" ;;
    shipped) DX_EXPORTER_JAR=$JAR JAVA_OPTS="-Duser.home=$WORK/home $nmt $JAVA_OPTS" exec "$LAUNCHER" "$@" ;;
    cds)     DX_EXPORTER_JAR=$JAR JAVA_OPTS="-Duser.home=$WORK/home -XX:SharedArchiveFile=$WORK/app.jsa $nmt $JAVA_OPTS" \
               exec "$LAUNCHER" "$@" ;;
    train)   DX_EXPORTER_JAR=$JAR JAVA_OPTS="-Duser.home=$WORK/home -XX:ArchiveClassesAtExit=$WORK/app.jsa $JAVA_OPTS" \
               exec "$LAUNCHER" "$@" ;;
    *) echo "unknown OPTIONS variant $variant (default, shipped, cds)" >&2; exit 2 ;;
  esac
}

if [[ " $OPTIONS " == *" cds "* ]]; then  # the training run: serve until ready, one scrape, SIGTERM
  generate 10 "$WORK/train"
  (exporter train --config.file="$WORK/train/dx-exporter.yml" --web.listen-address=127.0.0.1:29699 \
    >"$WORK/train.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1200); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:29699/-/ready)" == 200 ]] && break
    sleep 0.05
  done
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' http://127.0.0.1:29699/metrics
  kill -TERM "$pid"; wait "$pid" || true
  [[ -s $WORK/app.jsa ]] || { echo "cds: no archive dumped" >&2; tail -20 "$WORK/train.log" >&2; exit 1; }
fi

echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "JAVA_OPTS: ${JAVA_OPTS:-(none)}; OPTIONS=$OPTIONS FILES=$FILES SCHEDULE=$SCHEDULE WINDOW=${WINDOW}s NMT=$NMT"
echo "shipped: $(grep -v '^[[:space:]]*\(#\|$\)' "$(dirname "$LAUNCHER")/jvm.options" | paste -sd' ')"
echo "options,projects,collectors,check_ms,check_cpu_s,listening_ms,cpu_s_at_listening,setup_ms,all_run_ms,ready_ms,cpu_s_at_all_run,max_period_excess_s,set_s,rss_mib,body_kb,om_gzip_kb,p50_ms,p99_ms,rss_after_wrk_mib,reload_reran,load_before,load_after"
mkdir -p bench/work
for n in $SIZES; do
  dir=$WORK/n$n
  generate "$n" "$dir"
  for variant in $OPTIONS; do
  start=$(date +%s%N)
  times >"$WORK/t0"  # the CPU of waited-for children: here, only the check's JVM
  check=$(exporter "$variant" config check "$dir/dx-exporter.yml")
  check_ms=$((($(date +%s%N) - start) / 1000000))
  times >"$WORK/t1"
  check_cpu_s=$(children_cpu_s "$WORK/t1" "$WORK/t0")
  collectors=$(sed -E 's/.* ([0-9]+) collector.*/\1/' <<<"$check")
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  port=$((29600 + ${#n}))
  launch=$(date +%s%3N)
  (exporter "$variant" --config.file="$dir/dx-exporter.yml" --web.listen-address=127.0.0.1:$port \
    >"$WORK/log" 2>&1) &
  pid=$!
  nmt=(); [[ $NMT == 1 ]] && nmt=(--nmt "bench/work/nmt-$variant-$n.txt") && rm -f "${nmt[1]}"
  probe=$(python3 bench/scale_probe.py --port "$port" --pid "$pid" --launch-ms "$launch" \
    --log "$WORK/log" --collectors "$collectors" --window "$WINDOW" --limit "$LIMIT" "${nmt[@]}")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$variant,$n,$collectors,$check_ms,$check_cpu_s,$probe,$load_before,$(cut -d' ' -f1 /proc/loadavg)"
  done
done
