#!/usr/bin/env bash
# Image size of the posts service, and the bytes a registry push sends after a one-class change.
#
#   bench/image.sh --base tar:///abs/path/jre-25.tar [--service posts] [--class PATH]
#
# Builds the service's OCI image tar twice with the extraction plugin (offline, -DskipTests), the second time
# after a one-class change: CLASS (default the posts module's PostService) gets one string constant changed,
# and is put back afterwards. A registry push (Jib's, or any client) uploads only the blobs the registry does
# not have: the layers whose digests changed, plus the image config and the manifest. So the bytes re-pushed
# are the compressed sizes of the changed layers plus config and manifest, read from the two tars.
#
# --base: a docker-save tar of the Java 25 JRE base image (deploy/images/build-jre-base.sh makes one from the
# local JDK: `deploy/images/build-jre-base.sh docker-archive:/tmp/jre-25.tar:forum/jre:25`); the default base,
# eclipse-temurin:25-jre, needs Docker Hub.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BASE=""; SERVICE=posts; CLASS="modules/posts/impl/src/main/java/forum/posts/internal/PostService.java"
while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --service) SERVICE="$2"; shift 2 ;;
    --class) CLASS="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -n "$BASE" ] || { echo "--base tar:///abs/path/jre-25.tar is needed (see the header)" >&2; exit 2; }
cd "$ROOT"
git diff --quiet -- "$CLASS" || { echo "$CLASS has uncommitted changes: commit or stash them first" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'git checkout -q -- "$CLASS"; rm -rf "$WORK"' EXIT
TAR="forum-app/target/services/$SERVICE/$SERVICE-image.tar"

build() { # OUT
  local start; start=$(date +%s%N)
  ./mvnw -o -q -B -ntp package -DskipTests -Dextract="$SERVICE" -Dextract.image.base="$BASE" -pl forum-app -am >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log" >&2; exit 1; }
  echo "built $1 in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  cp "$TAR" "$1"
}

build "$WORK/before.tar"
# One class, one string constant: a change that alters exactly one class file.
grep -q '"is not an existing user: "' "$CLASS" || { echo "$CLASS: the constant to change is not there" >&2; exit 1; }
sed -i 's/"is not an existing user: "/"is not a known user: "/' "$CLASS"
build "$WORK/after.tar"
git checkout -q -- "$CLASS"

python3 - "$WORK/before.tar" "$WORK/after.tar" <<'EOF'
import json, sys, tarfile

def image(path):
    """Layers (name, digest, compressed bytes), config and manifest sizes of an OCI or docker-save image tar."""
    t = tarfile.open(path)
    names = t.getnames()
    def blob(digest):
        return t.extractfile("blobs/" + digest.replace(":", "/")).read()
    if "index.json" in names:
        index = json.loads(t.extractfile("index.json").read())
        manifest_bytes = blob(index["manifests"][0]["digest"])
        manifest = json.loads(manifest_bytes)
        config_bytes = blob(manifest["config"]["digest"])
        layers = [(l["digest"], l["size"]) for l in manifest["layers"]]
    else:  # docker-save: manifest.json lists the config file and the layer files (sizes as stored)
        m = json.loads(t.extractfile("manifest.json").read())[0]
        config_bytes = t.extractfile(m["Config"]).read()
        manifest_bytes = json.dumps(m).encode()
        layers = [(l, t.getmember(l).size) for l in m["Layers"]]
    config = json.loads(config_bytes)
    history = [h for h in config.get("history", []) if not h.get("empty_layer")]
    named = []
    for i, (digest, size) in enumerate(layers):
        h = history[i] if i < len(history) else {}
        named.append((h.get("comment") or h.get("created_by", "")[:40] or f"layer {i}", digest, size))
    return named, len(config_bytes), len(manifest_bytes)

before, config_b, manifest_b = image(sys.argv[1])
after, config_a, manifest_a = image(sys.argv[2])
old = {d for _, d, _ in before}
print("| layer | compressed bytes | changed by the one-class change |")
print("|---|---:|---|")
total = changed = 0
for name, digest, size in after:
    total += size
    is_new = digest not in old
    changed += size if is_new else 0
    print(f"| {name} | {size:,} | {'yes' if is_new else 'no'} |")
print(f"| image config + manifest | {config_a + manifest_a:,} | yes |")
print()
print(f"Image: {total:,} bytes compressed ({total / 1048576:.1f} MiB) in {len(after)} layers.")
print(f"Re-pushed after a one-class change: {changed + config_a + manifest_a:,} bytes "
      f"({(changed + config_a + manifest_a) / 1024:.1f} KiB: changed layers {changed:,} + config and manifest {config_a + manifest_a:,}).")
EOF
