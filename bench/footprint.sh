#!/usr/bin/env bash
# Start-up and footprint side by side, ROUNDS rounds each, in one run (issue 11 "Start fast, stay small"):
#   floor     `java -version` of the host JDK (wall time to exit, peak RSS)
#   default   the shaded jar with default JVM flags (`java -jar target/dx-exporter.jar serve …`)
#   options   the launcher with the shipped jvm.options (target/dx-exporter-*/bin/dx-exporter serve …)
#   cds       the same plus an AppCDS archive of the host JDK, dumped by one training run before the rounds
#   image     the built image as the chart runs it: its jlink runtime, JAVA_TOOL_OPTIONS = jvm.options, its
#             AppCDS archive, uid 65534 in a chroot (needs root and target/*-image.tar: mvn package -Pimage)
#   node      node_exporter (Debian prometheus-node-exporter, its binary run directly, no service)
#   before    as options, with the jar BEFORE_JAR (another build, e.g. of an earlier commit) to compare
# Rounds go round-robin over the variants, so a change in the machine's load hits all of them alike.
# For each: ms from launch to the first /-/ready 200 (node_exporter: first /metrics 200), RSS once idle
# (IDLE_SETTLE s after ready), RSS after a burst of BURST scrapes of /metrics (4 at a time), and CPU seconds
# a minute while idle (utime+stime over IDLE_WINDOW s after the burst, scaled to 60 s; 10 ms ticks).
# The daemons serve one Cargo project (a workspace and a target/ of TARGET_FILES files); HOME is empty.
#
#   bench/footprint.sh     (ROUNDS=7 TARGET_FILES=2000 BURST=200 IDLE_SETTLE=10 IDLE_WINDOW=30)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-7}
TARGET_FILES=${TARGET_FILES:-2000}
BURST=${BURST:-200}
IDLE_SETTLE=${IDLE_SETTLE:-10}
IDLE_WINDOW=${IDLE_WINDOW:-30}
VARIANTS=${VARIANTS:-floor default options cds image node}
BEFORE_JAR=${BEFORE_JAR:-}
[[ " $VARIANTS " != *" before "* || -f "$BEFORE_JAR" ]] || { echo "before: set BEFORE_JAR" >&2; exit 1; }
JAR=$PWD/target/dx-exporter.jar
LAUNCHER=$(ls -d "$PWD"/target/dx-exporter-*/dx-exporter-*/bin/dx-exporter 2>/dev/null | head -1 || true)
IMAGE_TAR=$(ls "$PWD"/target/dx-exporter-*-image.tar 2>/dev/null | head -1 || true)
[[ -f "$JAR" && -n "$LAUNCHER" ]] || { echo "build first: mvn -B package -DskipTests [-Pimage]" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROJECT=$WORK/shop
mkdir -p "$PROJECT/crates/core" "$WORK/home"
printf '[workspace]\nmembers = ["crates/*"]\n' >"$PROJECT/Cargo.toml"
printf '[package]\nname = "core"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\ntokio = "1"\n' >"$PROJECT/crates/core/Cargo.toml"
for d in $(seq 0 19); do mkdir -p "$PROJECT/target/debug/incremental/c$d"; done
for i in $(seq 1 "$TARGET_FILES"); do printf 'x' >"$PROJECT/target/debug/incremental/c$((i % 20))/f$i.o"; done
chmod -R a+rX "$WORK"
printf 'projects:\n  - {name: shop, path: %s}\n' "$PROJECT" >"$WORK/dx.yml"

if [[ " $VARIANTS " == *" node "* ]]; then
  NODE=$(command -v prometheus-node-exporter || command -v node_exporter || true)
  if [[ -z "$NODE" ]]; then  # unpack the Debian package: installing it would start its service
    (cd "$WORK" && apt-get download -qq prometheus-node-exporter 2>/dev/null && dpkg -x prometheus-node-exporter_*.deb node)
    NODE=$WORK/node/usr/bin/prometheus-node-exporter
  fi
fi
if [[ " $VARIANTS " == *" image "* ]]; then
  [[ -n "$IMAGE_TAR" && "$(id -u)" == 0 ]] || { echo "image: needs root and mvn package -Pimage" >&2; exit 1; }
  mkdir -p "$WORK/img" "$WORK/rootfs"
  tar -xf "$IMAGE_TAR" -C "$WORK/img"
  tar --numeric-owner -xzf "$WORK/img/$(jq -r '.[0].Layers[0]' "$WORK/img/manifest.json")" -C "$WORK/rootfs"
  IMAGE_CONFIG=$WORK/img/$(jq -r '.[0].Config' "$WORK/img/manifest.json")
  mapfile -t IMAGE_ENTRY < <(jq -r '.config.Entrypoint[]' "$IMAGE_CONFIG")
  IMAGE_OPTS=$(jq -r '.config.Env[] | select(startswith("JAVA_TOOL_OPTIONS=")) | sub("^JAVA_TOOL_OPTIONS="; "")' "$IMAGE_CONFIG")
fi

echo "java: $(java -version 2>&1 | head -1); node_exporter: ${NODE:+$("$NODE" --version 2>&1 | head -1)}"
echo "target/: $TARGET_FILES files; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "variant,round,ready_ms,rss_idle_mib,rss_burst_mib,idle_cpu_s_per_min"
now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Starts variant $1 on port $2 in the background; sets pid (the measured process) and owner (to wait for).
start() {
  local port=$2 data=$WORK/data-$2
  mkdir -p "$data" && chmod 0777 "$data"
  case $1 in
    default) java -Duser.home="$WORK/home" -jar "$JAR" serve --config.file="$WORK/dx.yml" \
               --storage.path="$data" --web.listen-address=127.0.0.1:"$port" >"$WORK/log" 2>&1 &
             owner=$!; pid=$owner ;;
    options|cds|train|before)
             local extra= jar=$JAR
             [[ $1 == before ]] && jar=$BEFORE_JAR
             [[ $1 == cds ]] && extra=-XX:SharedArchiveFile=$WORK/host.jsa
             [[ $1 == train ]] && extra=-XX:ArchiveClassesAtExit=$WORK/host.jsa
             HOME=$WORK/home DX_EXPORTER_JAR=$jar JAVA_OPTS="-Duser.home=$WORK/home $extra" "$LAUNCHER" serve --config.file="$WORK/dx.yml" \
               --storage.path="$data" --web.listen-address=127.0.0.1:"$port" >"$WORK/log" 2>&1 &
             owner=$!; pid=$owner ;;
    image)   env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin JAVA_TOOL_OPTIONS="$IMAGE_OPTS" HOME=/nonexistent \
               unshare --mount --pid --fork sh -c '
                 r=$1; shift; mount --bind "$r" "$r"; mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"
                 mkdir -p "$r/work"; mount --bind "$0" "$r/work"; mount -o remount,bind,ro "$r"
                 exec chroot --userspec=65534:65534 --groups= "$r" "$@"' "$WORK" "$WORK/rootfs" \
               "${IMAGE_ENTRY[@]}" serve --config.file=/work/dx.yml --storage.path=/work/data-"$port" \
               --web.listen-address=127.0.0.1:"$port" >"$WORK/log" 2>&1 &
             owner=$!; pid=
             for _ in $(seq 1 200); do
               pid=$(cat "/proc/$owner/task/$owner/children" 2>/dev/null | tr -d ' ') && [[ -n "$pid" ]] && break
               sleep 0.005
             done ;;
    node)    "$NODE" --web.listen-address=127.0.0.1:"$port" >"$WORK/log" 2>&1 & owner=$!; pid=$owner ;;
  esac
}

# The training run for the cds variant: serve until ready and one scrape, then exit (dumps the archive).
if [[ " $VARIANTS " == *" cds "* ]]; then
  start train 29699
  for _ in $(seq 1 6000); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:29699/-/ready)" == 200 ]] && break
    sleep 0.01
  done
  curl -s -o /dev/null http://127.0.0.1:29699/metrics; kill -TERM "$pid"; wait "$owner" || true
  [[ -s $WORK/host.jsa ]] || { echo "cds: no archive dumped" >&2; tail -20 "$WORK/log" >&2; exit 1; }
fi

for r in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do
    if [[ $variant == floor ]]; then
      start_ms=$(now_ms)
      peak=$(/usr/bin/time -f %M java -version 2>&1 >/dev/null | tail -1)
      echo "floor,$r,$(( $(now_ms) - start_ms )),$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }'),,"
      continue
    fi
    port=$((29600 + r)); path=/-/ready; [[ $variant == node ]] && path=/metrics
    while curl -s -o /dev/null "http://127.0.0.1:$port/"; do port=$((port + 10)); done  # someone else's
    start_ms=$(now_ms)
    start "$variant" "$port"
    ready=
    for _ in $(seq 1 6000); do
      if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")" == 200 ]]; then
        ready=$(( $(now_ms) - start_ms )); break
      fi
      kill -0 "$owner" 2>/dev/null || break
      sleep 0.005
    done
    [[ -n "$ready" ]] || { echo "$variant did not get ready:" >&2; tail -20 "$WORK/log" >&2; exit 1; }
    sleep "$IDLE_SETTLE"
    [[ -n "$pid" && -d /proc/$pid ]] || { echo "$variant exited after ready:" >&2; tail -20 "$WORK/log" >&2; exit 1; }
    idle=$(rss_mib "$pid")
    seq 1 "$BURST" | xargs -P 4 -I{} curl -s -o /dev/null "http://127.0.0.1:$port/metrics"
    sleep 2
    burst=$(rss_mib "$pid")
    t0=$(cpu_ticks "$pid"); sleep "$IDLE_WINDOW"; t1=$(cpu_ticks "$pid")
    cpu=$(awk -v d=$((t1 - t0)) -v w="$IDLE_WINDOW" 'BEGIN { printf "%.2f", d / 100 * 60 / w }')
    kill -TERM "$pid"; wait "$owner" 2>/dev/null || true
    echo "$variant,$r,$ready,$idle,$burst,$cpu"
  done
done | tee "$WORK/results.csv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians: variant,ready_ms,rss_idle_mib,rss_burst_mib,idle_cpu_s_per_min"
for variant in $VARIANTS; do
  line=$variant
  for col in 3 4 5 6; do
    line+=,$(grep "^$variant," "$WORK/results.csv" | cut -d, -f"$col" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  done
  echo "$line"
done
