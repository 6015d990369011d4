#!/usr/bin/env bash
# Builds the exporter's OCI image without a container engine or network: a jlink runtime of this JDK,
# the shared libraries it links against copied from the (Debian) host, the shaded jar and an AppCDS
# archive dumped at build time by the image's own java in a chroot of the image's file tree. Writes an
# OCI image layout that is also a `docker load`/`podman load` archive (manifest.json beside index.json).
#
#   src/main/image/build.sh JAR OUTPUT.tar IMAGE_REF VERSION
#   (env: JAVA_HOME, SOURCE_DATE_EPOCH, REVISION, SOURCE_URL; run by `mvn package -Pimage`)
#
# Needs root or unprivileged user namespaces (unshare, chroot), jlink with the JDK's jmods (Debian:
# openjdk-17-jdk-headless), tar, gzip, sha256sum, jq, curl. Reproducible where cheap: every mtime is
# SOURCE_DATE_EPOCH (the commit's time), files are sorted, owners numeric, gzip without a name/time.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 JAR OUTPUT.tar IMAGE_REF VERSION" >&2; exit 2; }
JAR=$(realpath "$1")
OUT=$(realpath -m "$2")
IMAGE_REF=$3
VERSION=$4
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
REVISION=${REVISION:-$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)}
SOURCE_URL=${SOURCE_URL:-https://github.com/dx-exporter/dx-exporter}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || echo 0)}
CREATED=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# The modules `jdeps --print-module-deps` names for the shaded jar, plus TLS (EC) and zip file systems.
MODULES=java.base,java.desktop,java.naming,java.net.http,java.rmi,java.sql,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.zipfs
APP=/opt/dx-exporter
for tool in jlink unzip tar gzip sha256sum jq curl unshare chroot; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing" >&2; exit 1; }
done
[ -d "$JAVA_HOME/jmods" ] || {
  echo "build.sh: $JAVA_HOME/jmods is missing (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dx-image.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs
mkdir -p "$ROOT"/{etc,tmp,proc,dev,sys,var/lib/dx-exporter,etc/dx-exporter,usr/share/doc/dx-exporter} "$ROOT$APP/lib"
chmod 1777 "$ROOT/tmp"

"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --generate-cds-archive --output "$ROOT$APP/java" >/dev/null
# Headless: AWT, sound and font libraries are never loaded (java.beans is what Quartz and Jackson use
# from java.desktop) and would pull X11 and friends into the image.
rm -f "$ROOT$APP"/java/lib/{libawt.so,libawt_headless.so,libawt_xawt.so,libfontmanager.so,libjavajpeg.so} \
  "$ROOT$APP"/java/lib/{libjawt.so,libjsound.so,liblcms.so,libmlib_image.so,libsplashscreen.so}
rm -f "$ROOT$APP"/java/bin/{keytool,rmiregistry}

# The jar's native libraries for this platform, unpacked where the JVM loads them from (not from a
# copy in /tmp: clusters may mount /tmp noexec), so they take part in the library scan below too.
mkdir -p "$ROOT$APP/native"
unzip -q -j -o "$JAR" org/sqlite/native/Linux/x86_64/libsqlitejdbc.so com/sun/jna/linux-x86-64/libjnidispatch.so \
  -d "$ROOT$APP/native"

# The C libraries the runtime links against, the loader, and what glibc loads at run time for name
# lookups; each listed with its Debian package, whose copyright file comes along.
libs=$(find "$ROOT$APP/java" "$ROOT$APP/native" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | grep -v "^$ROOT" | sort -u)
libs="$libs /lib64/ld-linux-x86-64.so.2 $(ls /lib/x86_64-linux-gnu/{libnss_files,libnss_dns,libresolv}.so.2 2>/dev/null)"
for lib in $libs; do
  real=$(readlink -f "$lib")
  mkdir -p "$ROOT$(dirname "$lib")"
  cp "$real" "$ROOT$lib"
  pkg=$( (dpkg -S "$lib" || dpkg -S "$real" || dpkg -S "*/$(basename "$real")") 2>/dev/null | head -1 | cut -d: -f1)
  if [ -n "$pkg" ]; then
    echo "$lib $pkg $(dpkg-query -W -f='${Version}' "$pkg")" >>"$WORK/packages"
    [ -f "/usr/share/doc/$pkg/copyright" ] && mkdir -p "$ROOT/usr/share/doc/$pkg" &&
      cp "/usr/share/doc/$pkg/copyright" "$ROOT/usr/share/doc/$pkg/"
  else
    echo "$lib (not from a Debian package)" >>"$WORK/packages"
  fi
done
[ -e "$ROOT/lib64" ] || mkdir -p "$ROOT/lib64"
sort -o "$ROOT/usr/share/doc/dx-exporter/packages.txt" "$WORK/packages"
java_pkg=$(dpkg -S "$JAVA_HOME/jmods" 2>/dev/null | cut -d: -f1 || true)
echo "$APP/java jlink of $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) ${java_pkg:-}" \
  >>"$ROOT/usr/share/doc/dx-exporter/packages.txt"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$ROOT/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$ROOT/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$ROOT/etc/hosts"
cp "$JAR" "$ROOT$APP/lib/dx-exporter.jar"
cp "$REPO/src/main/dist/jvm.options" "$ROOT$APP/jvm.options"
cp "$REPO/LICENSE" "$ROOT/usr/share/doc/dx-exporter/" 2>/dev/null || true
# The options as one line: JAVA_TOOL_OPTIONS, which the chart's javaOpts replaces as a whole.
JAVA_OPTS=$(grep -v '^[[:space:]]*\(#\|$\)' "$REPO/src/main/dist/jvm.options" | paste -sd' ')
CDS=$APP/lib/dx-exporter.jsa
NATIVES=$(jq -cn --arg d "$APP/native" '["-Dorg.sqlite.lib.path=" + $d, "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
  "-Djna.boot.library.path=" + $d, "-Djna.nounpack=true"]')
find "$ROOT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +  # the archive records the jar's mtime

# AppCDS: the image's java, at the image's paths, serves a small project until /-/ready, then exits on
# SIGTERM and writes the classes it loaded. Only uid 0 of a user namespace is needed for the chroot.
train=/tmp/train
mkdir -p "$ROOT$train/shop/target/debug" "$ROOT$train/home"
printf '[package]\nname = "shop"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\n' >"$ROOT$train/shop/Cargo.toml"
printf 'x' >"$ROOT$train/shop/target/debug/a.o"
printf 'projects:\n  - {name: shop, path: %s/shop}\n' "$train" >"$ROOT$train/dx.yml"
port=$(( 30000 + RANDOM % 20000 ))
userns=(); [ "$(id -u)" = 0 ] || userns=(-r)
env -i PATH="$PATH" JAVA_TOOL_OPTIONS="$JAVA_OPTS" unshare "${userns[@]}" --mount --pid --fork sh -c '
  root=$1; shift
  mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && exec chroot "$root" "$@"' \
  train "$ROOT" "$APP/java/bin/java" -XX:ArchiveClassesAtExit="$CDS" $(jq -r '.[]' <<<"$NATIVES") \
  -Duser.home=$train/home -jar "$APP/lib/dx-exporter.jar" serve --config.file=$train/dx.yml \
  --storage.path=$train/data --web.listen-address=127.0.0.1:$port >"$WORK/train.log" 2>&1 &
trainer=$!
ready=
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/-/ready")" = 200 ]; then
    curl -sf -o /dev/null "http://127.0.0.1:$port/metrics" && curl -sf -o /dev/null "http://127.0.0.1:$port/"
    ready=1; break
  fi
  kill -0 "$trainer" 2>/dev/null || break
  sleep 0.1
done
kill -TERM $(cat "/proc/$trainer/task/$trainer/children" 2>/dev/null) 2>/dev/null || true  # the JVM: unshare's child
wait "$trainer" || true
# A library missing from the image shows here first (the store's SQLite, JNA): fail the build.
if grep -q "UnsatisfiedLinkError\|store unavailable" "$WORK/train.log"; then ready=; fi
if [ -z "$ready" ] || [ ! -s "$ROOT$CDS" ]; then
  echo "build.sh: AppCDS training run failed (ready=${ready:-no}):" >&2; tail -30 "$WORK/train.log" >&2; exit 1
fi
rm -rf "${ROOT:?}$train"
chmod 0644 "$ROOT$CDS"
find "$ROOT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# One layer: the file tree, owned by root, except the store's directory (uid 65534, the chart's user).
LAYER=$WORK/layer.tar
tarflags=(--sort=name --mtime="@$SOURCE_DATE_EPOCH" --numeric-owner --format=posix
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar -C "$ROOT" "${tarflags[@]}" --owner=0 --group=0 --exclude=./var/lib/dx-exporter -cf "$LAYER" .
tar -C "$ROOT" "${tarflags[@]}" --owner=65534 --group=65534 --no-recursion -rf "$LAYER" ./var/lib/dx-exporter
DIFF_ID=$(sha256sum "$LAYER" | cut -d' ' -f1)
BLOBS=$WORK/oci/blobs/sha256
mkdir -p "$BLOBS"
gzip -n -6 -c "$LAYER" >"$WORK/layer.tar.gz"
LAYER_DIGEST=$(sha256sum "$WORK/layer.tar.gz" | cut -d' ' -f1)
mv "$WORK/layer.tar.gz" "$BLOBS/$LAYER_DIGEST"

labels=$(jq -n --arg v "$VERSION" --arg r "$REVISION" --arg s "$SOURCE_URL" --arg c "$CREATED" '{
  "org.opencontainers.image.title": "dx-exporter",
  "org.opencontainers.image.description": "Prometheus exporter for build health",
  "org.opencontainers.image.version": $v, "org.opencontainers.image.revision": $r,
  "org.opencontainers.image.source": $s, "org.opencontainers.image.created": $c,
  "org.opencontainers.image.licenses": "Apache-2.0"}')
jq -cnS --arg c "$CREATED" --arg d "sha256:$DIFF_ID" --arg app "$APP" --arg opts "$JAVA_OPTS" \
  --arg cds "$CDS" --argjson natives "$NATIVES" --argjson labels "$labels" '{
  architecture: "amd64", os: "linux", created: $c,
  config: {
    User: "65534:65534",
    Entrypoint: [($app + "/java/bin/java"), ("-XX:SharedArchiveFile=" + $cds), $natives[], "-jar", ($app + "/lib/dx-exporter.jar")],
    Cmd: ["serve", "--config.file=/etc/dx-exporter/config.yml", "--storage.path=/var/lib/dx-exporter/data"],
    Env: ["PATH=" + $app + "/java/bin:/usr/bin:/bin", ("JAVA_TOOL_OPTIONS=" + $opts), "MALLOC_ARENA_MAX=2"],
    WorkingDir: "/var/lib/dx-exporter",
    ExposedPorts: {"29100/tcp": {}},
    Volumes: {"/var/lib/dx-exporter": {}},
    Labels: $labels},
  rootfs: {type: "layers", diff_ids: [$d]},
  history: [{created: $c, created_by: "src/main/image/build.sh"}]}' >"$WORK/config.json"
CONFIG_DIGEST=$(sha256sum "$WORK/config.json" | cut -d' ' -f1)
cp "$WORK/config.json" "$BLOBS/$CONFIG_DIGEST"
jq -cnS --arg cd "sha256:$CONFIG_DIGEST" --argjson cs "$(stat -c %s "$WORK/config.json")" \
  --arg ld "sha256:$LAYER_DIGEST" --argjson ls "$(stat -c %s "$BLOBS/$LAYER_DIGEST")" \
  --argjson labels "$labels" '{schemaVersion: 2,
  mediaType: "application/vnd.oci.image.manifest.v1+json",
  config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $cd, size: $cs},
  layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $ld, size: $ls}],
  annotations: $labels}' >"$WORK/manifest.oci.json"
MANIFEST_DIGEST=$(sha256sum "$WORK/manifest.oci.json" | cut -d' ' -f1)
cp "$WORK/manifest.oci.json" "$BLOBS/$MANIFEST_DIGEST"
jq -cnS --arg md "sha256:$MANIFEST_DIGEST" --argjson ms "$(stat -c %s "$WORK/manifest.oci.json")" \
  --arg ref "$IMAGE_REF" --arg tag "${IMAGE_REF##*:}" '{schemaVersion: 2,
  mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $md, size: $ms,
    annotations: {"io.containerd.image.name": $ref, "org.opencontainers.image.ref.name": $tag}}]}' \
  >"$WORK/oci/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' >"$WORK/oci/oci-layout"
# docker load before 25 and podman read this (docker-archive); both also accept the OCI layout.
jq -cn --arg c "blobs/sha256/$CONFIG_DIGEST" --arg ref "$IMAGE_REF" --arg l "blobs/sha256/$LAYER_DIGEST" \
  '[{Config: $c, RepoTags: [$ref], Layers: [$l]}]' >"$WORK/oci/manifest.json"
find "$WORK/oci" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$(dirname "$OUT")"
tar -C "$WORK/oci" "${tarflags[@]}" --owner=0 --group=0 -cf "$OUT" .
echo "$IMAGE_REF: $OUT ($(du -m "$OUT" | cut -f1) MiB, layer $(( $(stat -c %s "$LAYER") / 1048576 )) MiB unpacked, manifest sha256:$MANIFEST_DIGEST)"
