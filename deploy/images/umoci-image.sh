# shellcheck shell=bash
# Sourced by the image scripts here (build-jre-base.sh, build-db-bootstrap.sh); not run on its own.
#
# umoci_image_from_rootfs LAYOUT TAG ROOTFS WORK
#   Makes the OCI image LAYOUT:TAG whose one layer is the folder ROOTFS (moved, not copied), using WORK for umoci's
#   bundle. The image's config (user, entrypoint, labels) is the caller's, with `umoci config` afterwards.
umoci_image_from_rootfs() {
  local layout=$1 tag=$2 rootfs=$3 work=$4
  umoci init --layout "$layout"
  umoci new --image "$layout:$tag"
  umoci unpack --image "$layout:$tag" "$work/bundle" >/dev/null
  rm -rf "$work/bundle/rootfs"
  mv "$rootfs" "$work/bundle/rootfs"
  umoci repack --image "$layout:$tag" "$work/bundle"
}
