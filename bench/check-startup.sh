#!/usr/bin/env bash
# `dx-exporter check` on a project of ggen's size, JVM start included, beside the plain `java -version`
# start (the floor no Java command gets under). The project: the ggen v2.6.0 workspace manifests from the
# shared fixtures (Cargo.toml / Cargo.lock of every member), a nextest JUnit report from the fixtures in
# target/nextest/ci/junit.xml, and a target/ of TARGET_FILES small files. HOME is a fresh empty
# directory (no ~/.cargo, ~/.m2 to scan). Each round times, as whole processes:
#   java -version
#   java -jar target/dx-exporter.jar check --workspace P                (text; temporary store)
#   java -jar target/dx-exporter.jar check --workspace P --format json  (same work, other printer)
#
#   bench/check-startup.sh                  (ROUNDS=7 TARGET_FILES=20000 JAVA_OPTS="")
#   JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bench/check-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-7}
TARGET_FILES=${TARGET_FILES:-20000}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=$PWD/target/dx-exporter.jar
FIXTURES=${FIXTURES:-$PWD/../shared/fixtures}
[[ -f "$JAR" ]] || mvn -q -B -DskipTests package
[[ -d "$FIXTURES/cargo/ggen-v2.6.0" ]] || { echo "no $FIXTURES/cargo/ggen-v2.6.0" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
P=$WORK/ggen
cp -r "$FIXTURES/cargo/ggen-v2.6.0" "$P"
mkdir -p "$P/target/nextest/ci" "$WORK/home"
cp "$(find "$FIXTURES/junit/nextest" -name '*.xml' | sort | head -1)" "$P/target/nextest/ci/junit.xml"
for d in $(seq 0 99); do mkdir -p "$P/target/debug/incremental/c$d"; done
for i in $(seq 1 "$TARGET_FILES"); do
  printf 'x%.0s' $(seq 1 $((i % 7 + 1))) > "$P/target/debug/incremental/c$((i % 100))/f$i.o"
done
echo "project: $(find "$P" -name Cargo.toml | wc -l) manifests, $(find "$P/target" ! -type d | wc -l) files in target/"
echo "java: $(java -version 2>&1 | head -1); JAVA_OPTS: ${JAVA_OPTS:-(none)}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "round,java_version_ms,check_text_ms,check_json_ms,check_exit"

now_ms() { date +%s%3N; }
for r in $(seq 1 "$ROUNDS"); do
  s=$(now_ms); java $JAVA_OPTS -version >/dev/null 2>&1; v=$(( $(now_ms) - s ))
  s=$(now_ms)
  # shellcheck disable=SC2086
  set +e; java $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" check --workspace "$P" >"$WORK/out" 2>"$WORK/err"
  code=$?; set -e
  c=$(( $(now_ms) - s ))
  s=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Duser.home="$WORK/home" -jar "$JAR" check --workspace "$P" --format json >/dev/null 2>&1 || true
  j=$(( $(now_ms) - s ))
  echo "$r,$v,$c,$j,$code"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- the card of the last round (exit $code) ---"
cat "$WORK/out"
sed 's/^/stderr: /' "$WORK/err"
