#!/usr/bin/env bash
# Regenerates ccache/generated-locally/ccache-$VERSION/: one private cache taken through
# 2 misses, 2 direct hits, 1 preprocessed hit (direct mode off for it), 1 compile failure,
# 1 link call, 1 preprocessing call, 1 missing input file and 1 compiler that is not there; then `ccache --print-stats`
# (machine-readable) and `ccache --show-stats --verbose` (human) of that same state.
#   src/test/resources/build/ccache/generate.sh      (needs Debian ccache and gcc)
set -euo pipefail
cd "$(dirname "$0")"
VERSION=$(ccache --version | head -1 | awk '{ print $3 }')
OUT=$PWD/generated-locally/ccache-$VERSION
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export CCACHE_DIR=$WORK/cache CCACHE_CONFIGPATH=$WORK/ccache.conf CCACHE_NOHASHDIR=1
: > "$CCACHE_CONFIGPATH"
ccache --max-size=1G > /dev/null
cd "$WORK"
printf 'int a(void) { return 1; }\n' > a.c
printf 'int b(void) { return 2; }\n' > b.c
printf 'int main(void) { return 0; }\n' > main.c
printf 'int broken(void) { return }\n' > broken.c
ccache gcc -c a.c -o a.o                         # miss
ccache gcc -c b.c -o b.o                         # miss
ccache gcc -c a.c -o a.o                         # direct hit
ccache gcc -c b.c -o b.o                         # direct hit
CCACHE_NODIRECT=1 ccache gcc -c a.c -o a.o       # preprocessed hit
ccache gcc -c broken.c -o broken.o 2>/dev/null || true   # compile failed
ccache gcc main.c a.o b.o -o main                # called for link
ccache gcc -E a.c > /dev/null                    # called for preprocessing
ccache gcc -c missing.c -o missing.o 2>/dev/null || true # input file missing
ccache ./no-such-cc -c a.c -o x.o 2>/dev/null || true    # could not find compiler
mkdir -p "$OUT"
ccache --print-stats > "$OUT/print-stats.tsv"
ccache --show-stats --verbose > "$OUT/show-stats-verbose.txt"
echo "wrote $OUT"
