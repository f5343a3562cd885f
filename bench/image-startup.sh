#!/usr/bin/env bash
# Start-up to readiness and memory of a service's OCI image run by podman, as ECS runs the task: the image's own
# entrypoint and JVM flags, optionally limited like a Fargate task (--cpus 0.25 --memory 512m). Several runs,
# medians. "ready" is wall time from `podman run` to the first 200 of /actuator/health/readiness (container
# creation included); "JVM ready" subtracts the moment the JVM started (the container's start time).
#
#   bench/image-startup.sh --tar forum-app/target/services/posts/posts-image.tar [--runs N] [--cpus 0.25]
#                          [--memory 512m] [--load-path PATH]
#
# Build the tar with `bench/image.sh` or `./mvnw package -DskipTests -Dextract=posts
# -Dextract.image.base=tar:///abs/jre-25.tar` (deploy/images/build-jre-base.sh makes that base). Needs podman
# with the settings in DEVELOPERS.md. Remote modules point at a closed port: start-up and the posts reads under
# load never call them. The image and every container are removed at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TAR=""; RUNS=5; CPUS=""; MEMORY=""; LOAD_PATH=/api/posts/in-thread/1
while [ $# -gt 0 ]; do
  case "$1" in
    --tar) TAR="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --cpus) CPUS="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --load-path) LOAD_PATH="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$TAR" ] || { echo "--tar PATH: an image tar built by the extraction plugin is needed (see the header)" >&2; exit 2; }
command -v podman >/dev/null || { echo "podman is missing: apt-get install podman runc (settings: DEVELOPERS.md)" >&2; exit 1; }

LIMITS=()
[ -n "$CPUS" ] && LIMITS+=(--cpus "$CPUS")
[ -n "$MEMORY" ] && LIMITS+=(--memory "$MEMORY")
IMAGE=$(podman load --quiet --input "$TAR" | sed -n 's/^Loaded image: //p' | tail -1)
[ -n "$IMAGE" ] || { echo "podman load of $TAR named no image" >&2; exit 1; }
CONTAINER=""
cleanup() {
  [ -n "$CONTAINER" ] && podman rm --force --time 2 "$CONTAINER" >/dev/null 2>&1
  podman rmi --force "$IMAGE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

ready=(); jvm_ready=(); idle=(); loaded=()
for _ in $(seq "$RUNS"); do
  port=$(free_port)
  start=$(date +%s%N)
  CONTAINER=$(podman run --detach "${LIMITS[@]}" --publish "127.0.0.1:$port:3000" \
    --env FORUM_TOPOLOGY_REMOTE_BASE_URL=http://127.0.0.1:9 "$IMAGE")
  deadline=$(( $(date +%s) + 300 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { podman logs "$CONTAINER" | tail -20 >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  ready+=($(( (now - start) / 1000000 )))
  started=$(date -d "$(podman inspect --format '{{.State.StartedAt}}' "$CONTAINER" | sed 's/ +0000 UTC//')" +%s%N)
  jvm_ready+=($(( (now - started) / 1000000 )))
  pid=$(podman inspect --format '{{.State.Pid}}' "$CONTAINER")
  sleep 2
  idle+=("$(rss_mib "$pid")")
  if [ "$LOAD_PATH" != none ]; then
    peak=0
    wrk -t2 -c50 -d10s "http://127.0.0.1:$port$LOAD_PATH" >/dev/null &
    load=$!
    while kill -0 "$load" 2>/dev/null; do
      rss=$(rss_mib "$pid"); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.5
    done
    wait "$load" || true
    loaded+=("$peak")
  fi
  podman rm --force --time 5 "$CONTAINER" >/dev/null
  CONTAINER=""
done

echo "$IMAGE under podman $(podman --version | cut -d' ' -f3)${CPUS:+, --cpus $CPUS}${MEMORY:+ --memory $MEMORY}; $RUNS runs; $(machine)"
echo
echo "| image | ready ms from podman run (median) | JVM start to ready ms (median) | all runs (from podman run) | RSS MiB idle | RSS MiB under load (peak) |"
echo "|---|---:|---:|---|---:|---:|"
echo "| $(basename "$TAR") | $(printf '%s\n' "${ready[@]}" | median) | $(printf '%s\n' "${jvm_ready[@]}" | median) |" \
     "$(printf '%s\n' "${ready[@]}" | sort -g | tr '\n' ' ')| $(printf '%s\n' "${idle[@]}" | median) |" \
     "$( [ ${#loaded[@]} -gt 0 ] && printf '%s\n' "${loaded[@]}" | median || echo n/a) |"
