#!/usr/bin/env bash
# Where the daemon's start-up goes: one `serve` through the launcher (the shipped jvm.options), optionally
# with an AppCDS archive, logging every class load with the JVM's uptime (-Xlog:class+load) and the VM's
# own start-up phases (-Xlog:startuptime). Prints, per library, the classes it loaded before /-/ready was
# first 200 and the uptime of its first and last load, then the daemon's log lines with their uptime: a
# timeline from JVM start through Jetty, Quartz, SQLite/Flyway to the first collections.
#
#   bench/startup-profile.sh                 (TARGET_FILES=2000; CDS=1 adds a host AppCDS archive)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_FILES=${TARGET_FILES:-2000}
LAUNCHER=$(ls -d "$PWD"/target/dx-exporter-*/dx-exporter-*/bin/dx-exporter 2>/dev/null | head -1 || true)
[[ -n "$LAUNCHER" ]] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROJECT=$WORK/shop
mkdir -p "$PROJECT/crates/core" "$WORK/home"
printf '[workspace]\nmembers = ["crates/*"]\n' >"$PROJECT/Cargo.toml"
printf '[package]\nname = "core"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\n' >"$PROJECT/crates/core/Cargo.toml"
for d in $(seq 0 19); do mkdir -p "$PROJECT/target/debug/c$d"; done
for i in $(seq 1 "$TARGET_FILES"); do printf 'x' >"$PROJECT/target/debug/c$((i % 20))/f$i.o"; done
printf 'projects:\n  - {name: shop, path: %s}\n' "$PROJECT" >"$WORK/dx.yml"
now_ms() { date +%s%3N; }

run() {  # $1: extra JAVA_OPTS; sets ready_ms; leaves $WORK/classes.log and $WORK/daemon.log
  local port=29690
  local start; start=$(now_ms)
  JAVA_OPTS="-Duser.home=$WORK/home $1" "$LAUNCHER" serve --config.file="$WORK/dx.yml" \
    --storage.path="$WORK/data" --web.listen-address=127.0.0.1:$port >"$WORK/daemon.log" 2>&1 &
  local pid=$!
  ready_ms=
  for _ in $(seq 1 6000); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/-/ready)" == 200 ]]; then
      ready_ms=$(( $(now_ms) - start )); break
    fi
    sleep 0.005
  done
  kill -TERM "$pid"; wait "$pid" || true
}

if [[ "${CDS:-0}" == 1 ]]; then
  run "-XX:ArchiveClassesAtExit=$WORK/app.jsa"
  cds="-XX:SharedArchiveFile=$WORK/app.jsa"
fi
run "${cds:-} -Xlog:class+load=info:file=$WORK/classes.log:uptimemillis -Xlog:startuptime=info:file=$WORK/vm.log:uptimemillis"
echo "launch to first /-/ready 200: $ready_ms ms (load average $(cut -d' ' -f1 /proc/loadavg), ${cds:+AppCDS}${cds:-no AppCDS})"
echo "VM start-up phases (-Xlog:startuptime):"
sed 's/^/  /' "$WORK/vm.log" | tail -3
# Classes loaded up to the readiness log line's uptime, grouped by library.
awk -F'[][]' '
  { up = $2; sub(/ms$/, "", up); split($0, parts, "] "); rest = parts[length(parts)]
    split(rest, w, " "); cls = w[1]; src = (rest ~ /shared objects file/) ? "cds" : "jar"
    lib = "other"
    n = split("org.eclipse.jetty=Jetty org.quartz=Quartz org.flywaydb=Flyway org.sqlite=SQLite com.fasterxml=Jackson " \
      "io.prometheus=prometheus-metrics ch.qos.logback=Logback org.slf4j=SLF4J org.snakeyaml=SnakeYAML picocli=picocli " \
      "oshi=OSHI com.sun.jna=JNA org.tomlj=tomlj at.favre=bcrypt dev.dxexporter=dx-exporter org.antlr=ANTLR(tomlj)", m, " ")
    for (i = 1; i <= n; i++) { split(m[i], kv, "="); if (index(cls, kv[1]) == 1) lib = kv[2] }
    if (cls ~ /^(java|javax|jdk|sun)\./ || (cls ~ /^com\.sun\./ && cls !~ /^com\.sun\.jna/)) lib = "JDK"
    count[lib]++; if (src == "cds") shared[lib]++
    if (!(lib in first)) first[lib] = up; last[lib] = up; total++
  }
  END {
    printf "%-20s %7s %7s %9s %9s\n", "library", "classes", "from CDS", "first ms", "last ms"
    for (l in count) printf "%-20s %7d %7d %9d %9d\n", l, count[l], shared[l], first[l], last[l] | "sort -k5 -n"
    close("sort -k5 -n"); printf "%-20s %7d\n", "total", total
  }' "$WORK/classes.log"
echo "daemon log (uptime of each line = its ts minus the JVM start in the class log):"
grep -o 'ts=[^ ]* level=[a-z]* logger=[^ ]* msg="[^"]\{0,110\}' "$WORK/daemon.log" | head -25
