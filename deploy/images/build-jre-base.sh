#!/usr/bin/env bash
# A Java 25 JRE base image made from the JDK on this machine, for building the services' images where no
# public base image can be pulled (offline, or no Docker Hub). No Docker daemon: jlink, umoci, skopeo.
#
#   deploy/images/build-jre-base.sh [--cache DIR] DEST...
#       DEST is a skopeo destination, e.g.
#         docker-archive:/abs/path/jre-25.tar:forum/jre:25    a docker-save tar, for -Dextract.image.base=tar:///abs/path/jre-25.tar
#         docker://127.0.0.1:5000/forum/jre:25               a registry (plain HTTP allowed for 127.0.0.1, localhost, [::1])
#         oci:/abs/path/layout:25                             an OCI layout
#       --cache DIR keeps the image's OCI layout there and reuses it while the JDK, the module list and
#       this script are unchanged (default: a temporary folder, removed at the end).
#   deploy/images/build-jre-base.sh --print-modules BOOT_JAR
#       prints the Java modules that jdeps finds in a Spring Boot executable jar (its classes and every
#       nested library), comma-separated: compare with jre-modules.txt when dependencies change.
#
# The JRE: jlink from the JDK's run-time image (JEP 493; Temurin 25 has no jmods/) with the modules in
# jre-modules.txt (jdeps' list for the forum plus jdk.crypto.ec, jdk.zipfs, jdk.naming.dns,
# jdk.management, java.logging), stripped, with its CDS archive. The image: that JRE in /opt/java/jre
# (on PATH, JAVA_HOME), the shared libraries it needs from this machine's glibc (found with ldd, plus
# libgcc_s and libz), /etc/passwd and /etc/group with user nonroot (65532), /etc/nsswitch.conf, /tmp
# (1777); user 65532:65532. Needs: a JDK 25 (JDK=..., default /usr/lib/jvm/temurin-25-jdk-amd64), umoci,
# skopeo (Debian: apt-get install umoci skopeo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/umoci-image.sh
. "$here/umoci-image.sh"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JRE_HOME_IN_IMAGE=/opt/java/jre
TAG=jre

die() { echo "build-jre-base: $*" >&2; exit 1; }
say() { echo "[jre-base] $*" >&2; }

[ -x "$JDK/bin/jlink" ] || die "no JDK 25 at $JDK: set JDK=/path/to/jdk-25"

print_modules() {
  local jar="$1" dir
  [ -f "$jar" ] || die "no such jar: $jar"
  jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' RETURN
  (cd "$dir" && "$JDK/bin/jar" xf "$jar")
  local classes="$dir/BOOT-INF/classes"
  [ -d "$classes" ] || die "$jar is not a Spring Boot executable jar (no BOOT-INF/classes)"
  # The module path, not the class path: the forum's own jars are named modules (module-info).
  "$JDK/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -q \
    --module-path "$dir/BOOT-INF/lib" --add-modules ALL-MODULE-PATH "$classes"
}

if [ "${1:-}" = "--print-modules" ]; then
  [ $# -eq 2 ] || die "usage: $0 --print-modules BOOT_JAR"
  print_modules "$2"
  exit 0
fi

cache=""
if [ "${1:-}" = "--cache" ]; then
  [ $# -ge 2 ] || die "--cache needs a folder"
  cache="$2"
  shift 2
fi
[ $# -ge 1 ] || die "usage: $0 [--cache DIR] DEST...   (DEST: docker-archive:/abs/jre-25.tar:forum/jre:25, docker://127.0.0.1:5000/forum/jre:25, oci:DIR:TAG)"
for tool in umoci skopeo ldd; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (Debian: apt-get install umoci skopeo)"
done

modules="$(grep -v '^#' "$here/jre-modules.txt" | tr -d ' \n')"
[ -n "$modules" ] || die "no modules in $here/jre-modules.txt"

if [ -z "$cache" ]; then
  cache="$(mktemp -d)"
  trap 'rm -rf "$cache"' EXIT
fi
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
layout="$cache/oci"
stamp="$(printf '%s\n' "$modules" "$(cat "$JDK/release")" "$(sha256sum "${BASH_SOURCE[0]}")" | sha256sum | cut -c1-64)"

build() {
  local started=$SECONDS work="$cache/work"
  rm -rf "$layout" "$work" "$cache/stamp"
  mkdir -p "$work"
  local rootfs="$work/rootfs" jre="$work/rootfs$JRE_HOME_IN_IMAGE"
  mkdir -p "$(dirname "$jre")"

  say "jlink $modules"
  "$JDK/bin/jlink" --add-modules "$modules" --output "$jre" \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive

  # Shared libraries: what ldd resolves for the JRE's programs and libraries, at the same paths.
  local libs
  libs="$(find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | grep -oE '/[^ ]+\.so[^ ]*' | sort -u)"
  libs+=$'\n'"$(ldconfig -p | grep -E 'lib(gcc_s\.so\.1|z\.so\.1) .*x86-64' | awk '{print $NF}')"
  local lib
  for lib in $(printf '%s\n' "$libs" | sort -u); do
    [ -e "$lib" ] || continue
    case "$lib" in "$jre"/*) continue ;; esac
    # Debian merges /lib into /usr/lib; the image keeps the paths ldd printed as real folders.
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done

  mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/nonroot"
  chmod 1777 "$rootfs/tmp"
  chown 65532:65532 "$rootfs/home/nonroot"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$rootfs/etc/hosts"

  say "umoci: OCI layout $layout"
  umoci_image_from_rootfs "$layout" "$TAG" "$rootfs" "$work"
  umoci config --image "$layout:$TAG" --os linux --architecture amd64 \
    --config.user 65532:65532 --config.workingdir / \
    --config.env "PATH=$JRE_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "JAVA_HOME=$JRE_HOME_IN_IMAGE" --config.env "LANG=C.UTF-8" \
    --config.cmd java --config.cmd -version \
    --config.label "org.opencontainers.image.title=Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release") JRE (jlink)" \
    --config.label "forum.jre.modules=$modules"
  umoci gc --layout "$layout"
  rm -rf "$work"
  echo "$stamp" >"$cache/stamp"
  say "built in $((SECONDS - started)) s: $(du -sm "$layout" | cut -f1) MiB compressed"
}

if [ -f "$cache/stamp" ] && [ "$(cat "$cache/stamp")" = "$stamp" ] && [ -d "$layout" ]; then
  say "reusing $layout"
else
  build
fi

for dest in "$@"; do
  flags=()
  case "$dest" in
    docker://127.0.0.1[:/]* | docker://localhost[:/]* | docker://\[::1\][:/]*) flags+=(--dest-tls-verify=false) ;;
    docker-archive:*) rm -f "$(echo "${dest#docker-archive:}" | cut -d: -f1)" ;;
  esac
  rm -f "$cache/digest"
  skopeo copy -q "${flags[@]}" --digestfile "$cache/digest" "oci:$layout:$TAG" "$dest"
  case "$dest" in
    # A registry's manifest digest pins the base: -Dextract.image.base=127.0.0.1:5000/forum/jre@sha256:...
    docker://*) say "-> $dest $(cat "$cache/digest")" ;;
    *) say "-> $dest" ;;
  esac
done
