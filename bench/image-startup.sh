#!/usr/bin/env bash
# Start-up to readiness and memory of a service's OCI image run by podman, as ECS runs the task: the image's own
# entrypoint and JVM flags, optionally limited like a Fargate task (--cpus 0.25 --memory 512m). Several runs,
# medians. "ready" is wall time from `podman run` to the first 200 of /actuator/health/readiness (container
# creation included); "JVM ready" subtracts the moment the JVM started (the container's start time).
#
#   bench/image-startup.sh --tar forum-app/target/services/posts/posts-image.tar [--runs N] [--cpus 0.25]
#                          [--memory 512m] [--load-path PATH] [--aot]
#
# --aot  measures the image with the JDK's AOT cache (JEP 483/514/515) built into it, as a last layer: a training
#        container of the image itself (its own JVM and class path, which the cache must match) starts, serves
#        3 s of requests and stops, writing the cache to a volume; `podman build` then adds it to a derived image
#        with JAVA_TOOL_OPTIONS=-XX:AOTCache=... . Training runs without the limits; the measured runs have them.
#
# Build the tar with `bench/image.sh` or `./mvnw package -DskipTests -Dextract=posts
# -Dextract.image.base=tar:///abs/jre-25.tar` (deploy/images/build-jre-base.sh makes that base). Needs podman;
# every podman call gets the project's settings (CONTAINERS_CONF=deploy/podman/containers.conf). Remote modules point at a closed port: start-up and the posts reads under
# load never call them. The image and every container are removed at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TAR=""; RUNS=5; CPUS=""; MEMORY=""; LOAD_PATH=/api/posts/in-thread/1; AOT=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tar) TAR="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --cpus) CPUS="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --load-path) LOAD_PATH="$2"; shift 2 ;;
    --aot) AOT=true; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$TAR" ] || { echo "--tar PATH: an image tar built by the extraction plugin is needed (see the header)" >&2; exit 2; }
command -v podman >/dev/null || { echo "podman is missing: apt-get install podman runc" >&2; exit 1; }
export CONTAINERS_CONF="$ROOT/deploy/podman/containers.conf"   # runc and ulimits a JVM can live with; nothing in /etc

LIMITS=()
[ -n "$CPUS" ] && LIMITS+=(--cpus "$CPUS")
[ -n "$MEMORY" ] && LIMITS+=(--memory "$MEMORY")
IMAGE=$(podman load --quiet --input "$TAR" | sed -n 's/^Loaded image: //p' | tail -1)
[ -n "$IMAGE" ] || { echo "podman load of $TAR named no image" >&2; exit 1; }
CONTAINER=""; DERIVED=""; WORK=$(mktemp -d)
cleanup() {
  [ -n "$CONTAINER" ] && podman rm --force --time 2 "$CONTAINER" >/dev/null 2>&1
  [ -n "$DERIVED" ] && podman rmi --force "$DERIVED" >/dev/null 2>&1
  podman rmi --force "$IMAGE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# wait_container_ready PORT: polls the container's readiness for up to 300 s.
wait_container_ready() {
  local deadline=$(( $(date +%s) + 300 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { podman logs "$CONTAINER" | tail -20 >&2; exit 1; }
    sleep 0.01
  done
}

if [ "$AOT" = true ]; then
  mkdir -p "$WORK/cache" && chmod 777 "$WORK/cache"   # the image runs as user 65532
  port=$(free_port)
  CONTAINER=$(podman run --detach --publish "127.0.0.1:$port:3000" --volume "$WORK/cache:/aot" \
    --env JAVA_TOOL_OPTIONS=-XX:AOTCacheOutput=/aot/app.aot --env EXTRACTION_TOPOLOGY_REMOTE_BASE_URL=http://127.0.0.1:9 "$IMAGE")
  wait_container_ready "$port"
  wrk -t1 -c4 -d3s "http://127.0.0.1:$port$LOAD_PATH" >/dev/null 2>&1 || true
  podman stop --time 120 "$CONTAINER" >/dev/null   # SIGTERM: the JVM writes the cache as it exits
  if [ ! -s "$WORK/cache/app.aot" ]; then
    echo "the training container wrote no AOT cache; the JVM said:" >&2
    podman logs "$CONTAINER" 2>&1 | grep -v '^{' | grep -v 'warning\]\[aot' | tail -5 >&2
    exit 1
  fi
  podman rm --force "$CONTAINER" >/dev/null; CONTAINER=""
  cp "$WORK/cache/app.aot" "$WORK/app.aot"
  printf 'FROM %s\nCOPY app.aot /app/app.aot\nENV JAVA_TOOL_OPTIONS=-XX:AOTCache=/app/app.aot\n' "$IMAGE" > "$WORK/Containerfile"
  DERIVED="localhost/forum-bench-aot-$$:latest"
  podman build --quiet --file "$WORK/Containerfile" --tag "$DERIVED" "$WORK" >/dev/null
  echo "AOT cache: $(( $(stat -c %s "$WORK/app.aot") / 1048576 )) MiB, in the image's last layer" >&2
fi
RUN_IMAGE=${DERIVED:-$IMAGE}

ready=(); jvm_ready=(); idle=(); loaded=()
for _ in $(seq "$RUNS"); do
  port=$(free_port)
  start=$(date +%s%N)
  CONTAINER=$(podman run --detach "${LIMITS[@]}" --publish "127.0.0.1:$port:3000" \
    --env EXTRACTION_TOPOLOGY_REMOTE_BASE_URL=http://127.0.0.1:9 "$RUN_IMAGE")
  wait_container_ready "$port"
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

echo "$IMAGE$([ "$AOT" = true ] && echo ' with its AOT cache as a last layer') under podman $(podman --version | cut -d' ' -f3)${CPUS:+, --cpus $CPUS}${MEMORY:+ --memory $MEMORY}; $RUNS runs; $(machine)"
echo
echo "| image | ready ms from podman run (median) | JVM start to ready ms (median) | all runs (from podman run) | RSS MiB idle | RSS MiB under load (peak) |"
echo "|---|---:|---:|---|---:|---:|"
echo "| $(basename "$TAR")$([ "$AOT" = true ] && echo ' + AOT cache') | $(printf '%s\n' "${ready[@]}" | median) | $(printf '%s\n' "${jvm_ready[@]}" | median) |" \
     "$(printf '%s\n' "${ready[@]}" | sort -g | tr '\n' ' ')| $(printf '%s\n' "${idle[@]}" | median) |" \
     "$( [ ${#loaded[@]} -gt 0 ] && printf '%s\n' "${loaded[@]}" | median || echo n/a) |"
