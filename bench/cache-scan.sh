#!/usr/bin/env bash
# Times the cache scanner against `du -sb`, `du -s` and `gdu` on one deterministic ~300,000-file
# Cargo-target-like tree, warm page/dentry cache, side by side in one run.
#
#   bench/cache-scan.sh [TREE_DIR]          (default /tmp/dx-bench/cargo-target, ~3.8 GB, kept for reuse)
#   ROUNDS=10 THREADS=8 bench/cache-scan.sh
#   bench/cache-scan.sh --remove            (delete the default tree)
#
# The tools run interleaved, round by round (du -sb, du -s, gdu, one fresh JVM doing REPEAT scans), so
# load from other work on the machine hits all of them alike. Scanner figures are CacheScanCli's own
# per-scan wall clock: scan 1 of each fresh JVM is the "cold" figure (un-JITted, like the first scan of a
# freshly started daemon), the best of scans 2..REPEAT the "warm" one. "process" is JVM start-up plus
# REPEAT scans, for reference. Needs java 17, maven (builds the jar if missing), gdu, GNU coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."

TREE=${1:-/tmp/dx-bench/cargo-target}
if [[ "$TREE" == "--remove" ]]; then rm -rf /tmp/dx-bench; exit 0; fi
ROUNDS=${ROUNDS:-7}
REPEAT=${REPEAT:-6}
THREADS=${THREADS:-4}
JAR=target/dx-exporter.jar

[[ -f "$JAR" ]] || mvn -q -B -DskipTests package
java bench/GenerateCargoTarget.java "$TREE"

echo "## machine and tree"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB"
echo "kernel: $(uname -r), file system: $(df --output=fstype "$TREE" | tail -1)"
echo "java: $(java -version 2>&1 | head -1)"
echo "du: $(du --version | head -1); gdu: $(gdu --version | head -1 | xargs)"
echo "tree: $TREE: $(find "$TREE" ! -type d | wc -l) files, $(find "$TREE" -type d | wc -l) directories, $(du -sh "$TREE" | cut -f1)"
echo "rounds: $ROUNDS; scanner: $REPEAT scans per JVM, --threads $THREADS"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm the dentry/inode caches so every tool reads metadata from memory.
du -s "$TREE" >/dev/null
gdu -nps "$TREE" >/dev/null

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
timed() { # timed NAME COMMAND...: appends the wall time in ms to $WORK/NAME
  local name=$1; shift
  local start end
  start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$WORK/$name"
}
for ((r = 1; r <= ROUNDS; r++)); do
  timed du-sb du -sb "$TREE"
  timed du-s du -s --block-size=1 "$TREE"
  timed gdu gdu -nps "$TREE"
  start=$(date +%s%N)
  java -cp "$JAR" dev.dxexporter.collect.cache.CacheScanCli "$TREE" --repeat "$REPEAT" --threads "$THREADS" >"$WORK/out"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$WORK/process"
  awk -F'wall_ms=' 'NR == 1 { split($2, a, " "); print a[1] }' "$WORK/out" >>"$WORK/cold"
  awk -F'wall_ms=' 'NR > 1 { split($2, a, " "); print a[1] }' "$WORK/out" | sort -g | head -1 >>"$WORK/warm"
done

stats() { # "min median" of the numbers in a file
  sort -g "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%6.0f %8.0f", v[1], m }'
}
echo
echo "## wall time, ms (min, median over $ROUNDS rounds)"
printf '%-44s %6s %8s\n' "" min median
printf '%-44s %s\n' "du -sb" "$(stats "$WORK/du-sb")"
printf '%-44s %s\n' "du -s --block-size=1" "$(stats "$WORK/du-s")"
printf '%-44s %s\n' "gdu -nps" "$(stats "$WORK/gdu")"
printf '%-44s %s\n' "scanner, first scan of a fresh JVM (cold)" "$(stats "$WORK/cold")"
printf '%-44s %s\n' "scanner, best of scans 2..$REPEAT (warm)" "$(stats "$WORK/warm")"
printf '%-44s %s\n' "java process: start-up + $REPEAT scans" "$(stats "$WORK/process")"
echo
echo "scanner result: $(tail -1 "$WORK/out" | cut -d' ' -f3-8)"
echo "du -s / du -sb: $(du -s --block-size=1 "$TREE" | cut -f1) / $(du -sb "$TREE" | cut -f1)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
