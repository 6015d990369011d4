#!/usr/bin/env bash
# Times the cache scanner against `du -sb`, `du -s` and `gdu` on one deterministic ~300,000-file
# Cargo-target-like tree, warm page/dentry cache, side by side in one run.
#
#   bench/cache-scan.sh [TREE_DIR]        (default /tmp/dx-bench/cargo-target, ~3.8 GB, kept for reuse)
#   RUNS=10 JVMS=5 bench/cache-scan.sh    (more samples)
#   bench/cache-scan.sh --remove          (delete the default tree)
#
# Scanner figures come from CacheScanCli's own per-scan wall clock: in each fresh JVM, scan 1 is the
# "cold" figure (un-JITted, as in a freshly started daemon) and the best of scans 2..N the "warm" one.
# Needs: java 17, maven (to build the jar if missing), hyperfine, gdu, GNU coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."

TREE=${1:-/tmp/dx-bench/cargo-target}
if [[ "$TREE" == "--remove" ]]; then rm -rf /tmp/dx-bench; exit 0; fi
RUNS=${RUNS:-10}          # hyperfine runs per external tool
JVMS=${JVMS:-5}           # fresh JVMs for the scanner
REPEAT=${REPEAT:-6}       # scans per JVM
THREADS=${THREADS:-4}
JAR=target/dx-exporter.jar
SCAN=(java -cp "$JAR" dev.dxexporter.collect.cache.CacheScanCli)

[[ -f "$JAR" ]] || mvn -q -B -DskipTests package
java bench/GenerateCargoTarget.java "$TREE"

echo "## machine"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "kernel: $(uname -r), fs: $(df --output=fstype "$TREE" | tail -1)"
echo "java: $(java -version 2>&1 | head -1)"
echo "du: $(du --version | head -1); gdu: $(gdu --version | head -1 | xargs)"
echo "tree: $TREE: $(find "$TREE" -type f | wc -l) files, $(find "$TREE" -type d | wc -l) dirs, $(du -sh "$TREE" | cut -f1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm the dentry/inode caches once so every tool reads from memory.
du -s "$TREE" >/dev/null

stats() { # prints "min median" (ms) of numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.0f %.0f\n", v[1], m }'
}

echo
echo "## external tools (hyperfine, $RUNS runs, 1 warm-up)"
CSV=$(mktemp)
hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-csv "$CSV" \
  "du -sb $TREE" "du -s --block-size=1 $TREE" "gdu -nps $TREE" >/dev/null
awk -F, 'NR > 1 { printf "%-40s min %6.0f ms  median %6.0f ms\n", $1, $7 * 1000, $4 * 1000 }' "$CSV"
rm -f "$CSV"

echo
echo "## scanner ($JVMS fresh JVMs x $REPEAT scans, --threads $THREADS)"
COLD=(); WARM=()
for ((j = 1; j <= JVMS; j++)); do
  OUT=$("${SCAN[@]}" "$TREE" --repeat "$REPEAT" --threads "$THREADS")
  COLD+=("$(echo "$OUT" | awk -F'wall_ms=' 'NR == 1 { split($2, a, " "); print a[1] }')")
  WARM+=("$(echo "$OUT" | awk -F'wall_ms=' 'NR > 1 { split($2, a, " "); print a[1] }' | sort -g | head -1)")
done
echo "$OUT" | tail -1 | cut -d' ' -f3-
echo "first scan of a fresh JVM (cold)   min/median ms: $(printf '%s\n' "${COLD[@]}" | stats)"
echo "best of scans 2..$REPEAT per JVM (warm) min/median ms: $(printf '%s\n' "${WARM[@]}" | stats)"

echo
echo "## whole process: JVM start-up + one scan (hyperfine, 5 runs)"
hyperfine -N --style none --runs 5 --export-csv "$CSV" "${SCAN[*]} $TREE --threads $THREADS" >/dev/null
awk -F, 'NR > 1 { printf "java CacheScanCli (1 scan)               min %6.0f ms  median %6.0f ms\n", $7 * 1000, $4 * 1000 }' "$CSV"
rm -f "$CSV"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
