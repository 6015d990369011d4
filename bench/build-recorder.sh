#!/usr/bin/env bash
# The command recorder (collect/build): what its sampling costs, and how its figures compare with
# GNU time's (`/usr/bin/time -v`, Debian package `time`) on the same commands.
#
#   bench/build-recorder.sh                 (SECONDS_PER_RUN=10 ROUNDS=3)
#
# 1. Sampling cost: SamplerOverheadMain starts 50 sleeping processes (sh and 49 sleep), samples the
#    tree every 50 ms and 100 ms for SECONDS_PER_RUN after a 2 s warm-up, and prints the sampling
#    thread's CPU time and the whole JVM's as a share of one core; once reading /proc directly,
#    once through OSHI.
# 2. Accuracy: each command run ROUNDS times under /usr/bin/time -v and under the recorder
#    (RecordingMain, 50 ms interval), interleaved. GNU time reports the peak RSS of the largest
#    single process of the tree (ru_maxrss), the recorder the peak of the tree's sum.
# Needs java 17, maven, GNU time, python3, cargo (the cargo row is skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-3}

mvn -q -B -ntp test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt > /dev/null
CP=target/test-classes:target/classes:$(cat target/cp.txt)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "## machine"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); kernel $(uname -r)"
echo "java: $(java -version 2>&1 | head -1); processes on the system: $(ps -e --no-headers | wc -l)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "## sampling cost, tree of 50 processes"
for table in procfs oshi; do
  for interval in 50 100; do
    java -cp "$CP" dev.dxexporter.collect.build.SamplerOverheadMain 50 "$interval" "$SECONDS_PER_RUN" "$table"
  done
done

record() { # name command... -> "peak_rss_kib cpu_s wall_s"
  java -cp "$CP" dev.dxexporter.collect.build.RecordingMain "$WORK/record" 50 bench clean -- "$@" > /dev/null
  awk -F= '/^peak_rss_bytes/ { rss = $2 / 1024 } /^cpu_user_seconds/ { u = $2 }
           /^cpu_system_seconds/ { s = $2 } /^duration_seconds/ { d = $2 }
           END { printf "%d %.2f %.2f\n", rss, u + s, d }' "$WORK/record"
}
gnu_time() { # command... -> "peak_rss_kib cpu_s wall_s"
  /usr/bin/time -v "$@" > /dev/null 2> "$WORK/time"
  awk -F': ' '/Maximum resident set size/ { rss = $2 } /User time/ { u = $2 } /System time/ { s = $2 }
              /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = t[n] + (n > 1 ? 60 * t[n-1] : 0) }
              END { printf "%d %.2f %.2f\n", rss, u + s, w }' "$WORK/time"
}

mkdir -p "$WORK/ws/src"
printf '[package]\nname = "bench"\nversion = "0.1.0"\nedition = "2021"\n' > "$WORK/ws/Cargo.toml"
printf 'fn main() {}\n' > "$WORK/ws/build.rs"
printf 'pub fn f() -> u64 { (0..1000u64).map(|x| x * x).sum() }\n' > "$WORK/ws/src/lib.rs"

echo
echo "## peak RSS (KiB), CPU user+system (s), wall (s): GNU time vs recorder, $ROUNDS rounds"
echo "| command | GNU time rss | recorder rss | GNU time cpu | recorder cpu | GNU time wall | recorder wall |"
echo "|---|---|---|---|---|---|---|"
run_row() { # label command...
  local label=$1; shift
  for _ in $(seq "$ROUNDS"); do
    read -r grss gcpu gwall < <(gnu_time "$@")
    read -r rrss rcpu rwall < <(record "$@")
    echo "| $label | $grss | $rrss | $gcpu | $rcpu | $gwall | $rwall |"
  done
}
run_row "python3 200 MB bytearray" /usr/bin/python3 -c "x = bytearray(200_000_000); import time; time.sleep(0.5)"
run_row "head -c 200M, tail, wc (3 processes)" sh -c "head -c 200M /dev/zero | tail | wc -c"
run_row "2 x 60 MiB tails at once" sh -c "r='(head -c 60M /dev/zero; sleep 0.5) | tail > /dev/null'; eval \"\$r\" & eval \"\$r\" & wait"
if command -v cargo > /dev/null; then
  run_row "cargo build (clean, 1 crate + build.rs)" sh -c "cd '$WORK/ws' && rm -rf target && cargo build --offline -q"
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
