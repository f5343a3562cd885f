#!/usr/bin/env bash
# The database bootstrap image: psql, deploy/postgres/module-roles.sql and the RDS certificate authorities, run
# as user 65532. The ECS bootstrap task runs it (deploy.sh pushes it and pins it by digest), so no public image
# ever receives the database's admin password. No Docker daemon: the psql of this machine, umoci, skopeo.
#
#   deploy/images/build-db-bootstrap.sh DEST...
#       DEST is a skopeo destination, e.g.
#         oci-archive:/abs/path/db-bootstrap.tar:db-bootstrap   an OCI archive (deploy.sh pushes it from there)
#         docker://127.0.0.1:5000/forum/db-bootstrap:1          a registry (plain HTTP allowed for 127.0.0.1, localhost, [::1])
#
# The container runs `psql -X -v ON_ERROR_STOP=1 -f /bootstrap/module-roles.sql`; every setting comes from the
# environment: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (libpq), and the script's USERS_OWNER, USERS_ROLE,
# USERS_PASSWORD, ... (see module-roles.sql). PGSSLMODE=verify-full and PGSSLROOTCERT=/bootstrap/rds-global-bundle.pem
# are preset. Needs: psql (Debian: postgresql-client), umoci, skopeo.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/umoci-image.sh
. "$here/umoci-image.sh"
root="$(cd "$here/../.." && pwd)"
SCRIPT="$root/deploy/postgres/module-roles.sql"
BUNDLE="$root/deploy/image/app/rds/global-bundle.pem"
TAG=db-bootstrap

die() { echo "build-db-bootstrap: $*" >&2; exit 1; }
say() { echo "[db-bootstrap] $*" >&2; }

[ $# -ge 1 ] || die "usage: $0 DEST...   (DEST: oci-archive:/abs/db-bootstrap.tar:db-bootstrap, docker://127.0.0.1:5000/forum/db-bootstrap:1)"
for tool in umoci skopeo ldd sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (Debian: apt-get install umoci skopeo)"
done
# Debian's /usr/bin/psql is a Perl wrapper: the image takes the newest real client.
psql_bin=""
for candidate in /usr/lib/postgresql/*/bin/psql; do
  if [ -x "$candidate" ]; then psql_bin="$candidate"; fi
done
if [ -z "$psql_bin" ]; then die "no psql under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql-client)"; fi
(cd "$(dirname "$BUNDLE")" && sha256sum --quiet -c "$(basename "$BUNDLE").sha256") \
  || die "$BUNDLE does not match its checksum: restore it"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
rootfs="$work/rootfs"
mkdir -p "$rootfs/usr/bin" "$rootfs/bootstrap" "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/nonroot"
cp -L "$psql_bin" "$rootfs/usr/bin/psql"
# Shared libraries: what ldd resolves for psql, at the same paths.
for lib in $(ldd "$psql_bin" | grep -oE '/[^ ]+\.so[^ ]*' | sort -u); do
  [ -e "$lib" ] || continue
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
cp "$SCRIPT" "$rootfs/bootstrap/module-roles.sql"
cp "$BUNDLE" "$rootfs/bootstrap/rds-global-bundle.pem"
chmod 1777 "$rootfs/tmp"
chown 65532:65532 "$rootfs/home/nonroot"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

layout="$work/oci"
umoci_image_from_rootfs "$layout" "$TAG" "$rootfs" "$work"
umoci config --image "$layout:$TAG" --os linux --architecture amd64 \
  --config.user 65532:65532 --config.workingdir /bootstrap \
  --config.env "PATH=/usr/bin:/bin" --config.env "LANG=C.UTF-8" --config.env "HOME=/home/nonroot" \
  --config.env "PGSSLMODE=verify-full" --config.env "PGSSLROOTCERT=/bootstrap/rds-global-bundle.pem" \
  --config.entrypoint psql --config.entrypoint -X --config.entrypoint -v --config.entrypoint ON_ERROR_STOP=1 \
  --config.entrypoint -f --config.entrypoint /bootstrap/module-roles.sql \
  --config.label "org.opencontainers.image.title=forum database bootstrap ($("$psql_bin" --version))" \
  --config.label "forum.module-roles.sha256=$(sha256sum "$SCRIPT" | cut -c1-64)"
umoci gc --layout "$layout"
say "built in $((SECONDS - started)) s from $psql_bin: $(du -sm "$layout" | cut -f1) MiB"

for dest in "$@"; do
  flags=()
  case "$dest" in
    docker://127.0.0.1[:/]* | docker://localhost[:/]* | docker://\[::1\][:/]*) flags+=(--dest-tls-verify=false) ;;
    oci-archive:*) rm -f "$(echo "${dest#oci-archive:}" | cut -d: -f1)" ;;
  esac
  skopeo copy -q "${flags[@]}" "oci:$layout:$TAG" "$dest"
  say "-> $dest"
done
