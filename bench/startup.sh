#!/usr/bin/env bash
# Start-up to readiness, CPU time to readiness and RSS (idle and under load) on JDK 25, for the monolith or the
# posts service, launched as a fat jar, extracted, and extracted with the JDK's AOT cache (JEP 483/514/515).
# Several runs, medians.
#
#   bench/startup.sh [--service monolith|posts] [--runs N] [--task CPUS:MIB] [--jvm "FLAGS"] [--modes LIST]
#                    [--load-path PATH] [-- APP_ARGS...]
#
#   --service posts  the extracted service jar (./mvnw package -DskipTests -Dextract=posts -Dextract.image=false),
#                    or, if it is not built, the monolith jar with --extraction.topology.local-modules=posts;
#                    users and threads point at a closed port (start-up and reads of posts never call them)
#   --task 0.25:512  runs every java in a cgroup with a quarter of a CPU and 512 MiB, like Fargate's smallest
#                    task: the JVM sees one processor (SerialGC) and sizes its heap from 512 MiB; adds the
#                    task's peak memory (RSS + page cache charged to it) to the table
#   --jvm "FLAGS"    JVM flags for every launch (default: the service image's, ServiceImage.JVM_FLAGS)
#   --modes LIST     comma-separated among fat,extracted,aot (default: all three)
#   --load-path P    the route of the load (wrk -t2 -c50 -d10s), during which RSS is sampled (default
#                    /api/users for the monolith, /api/posts/in-thread/1 for posts); --load-path none skips it
#
# The AOT cache needs the extracted layout, the same JDK and byte-identical jars as its training run; the
# training run (see lib.sh, train_aot_cache) is one start with warm-up and 3 s of requests, then a stop.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SERVICE=monolith; RUNS=5; TASK=""; JVM_FLAGS="${SERVICE_JVM_FLAGS[*]}"
MODES=fat,extracted,aot; LOAD_PATH=""; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --service) SERVICE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --task) TASK="$2"; shift 2 ;;
    --jvm) JVM_FLAGS="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    --load-path) LOAD_PATH="$2"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
read -r -a JVM <<<"$JVM_FLAGS"

case "$SERVICE" in
  monolith)
    JAR="$(monolith_jar)"; LOAD_PATH="${LOAD_PATH:-/api/users}" ;;
  posts)
    JAR="$(service_jar posts || true)"
    if [ -z "$JAR" ]; then JAR="$(monolith_jar)"; APP_ARGS=(--extraction.topology.local-modules=posts "${APP_ARGS[@]}"); fi
    APP_ARGS=(--extraction.topology.remote-base-url=http://127.0.0.1:9 "${APP_ARGS[@]}")
    LOAD_PATH="${LOAD_PATH:-/api/posts/in-thread/1}" ;;
  *) echo "--service monolith|posts" >&2; exit 2 ;;
esac
[ -f "$JAR" ] || { echo "no jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
if [ -n "$TASK" ]; then use_task "${TASK%%:*}" "${TASK##*:}"; fi

extract_jar "$JAR" "$WORK/app"
APP="$WORK/app/$(basename "$JAR")"
if [[ ",$MODES," == *,aot,* ]]; then
  train_aot_cache "$WORK/app.aot" "$WORK/training.log" "${JVM[@]}" -jar "$APP" "${APP_ARGS[@]}"
fi

measure() { # LABEL JAVA_ARGS...
  local label="$1"; shift
  local times=() cpus=() idle=() loaded=() peaks=()
  for _ in $(seq "$RUNS"); do
    local port; port=$(free_port)
    [ -n "$TASK" ] && task_memory_reset
    start_java "$WORK/run.log" "$@" --server.port="$port" "${APP_ARGS[@]}"
    times+=("$(wait_ready "$port" 600)") || { tail -20 "$WORK/run.log" >&2; exit 1; }
    cpus+=("$(cpu_ms "$STARTED_PID")")
    sleep 2
    idle+=("$(rss_mib "$STARTED_PID")")
    if [ "$LOAD_PATH" != none ]; then
      local peak=0 rss
      wrk -t2 -c50 -d10s "http://127.0.0.1:$port$LOAD_PATH" >/dev/null &
      local load=$!
      while kill -0 "$load" 2>/dev/null; do
        rss=$(rss_mib "$STARTED_PID"); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.5
      done
      wait "$load" || true
      loaded+=("$peak")
      [ -n "$TASK" ] && peaks+=("$(task_memory_peak_mib)")
    fi
    stop "$STARTED_PID"
  done
  local row
  row="| $label | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -g | tr '\n' ' ')"
  row+="| $(printf '%s\n' "${cpus[@]}" | median) | $(printf '%s\n' "${idle[@]}" | median) |"
  if [ "$LOAD_PATH" != none ]; then row+=" $(printf '%s\n' "${loaded[@]}" | median) |"; fi
  if [ -n "$TASK" ] && [ "$LOAD_PATH" != none ]; then row+=" $(printf '%s\n' "${peaks[@]}" | median) |"; fi
  echo "$row"
}

echo "$SERVICE ($(basename "$JAR")), JVM flags: ${JVM_FLAGS:-none}${TASK:+, in a task of $TASK (CPUs:MiB)}; $RUNS runs; $(machine)"
echo
header="| launch | ready ms (median) | all runs | CPU ms to ready | RSS MiB idle |"; sep="|---|---:|---|---:|---:|"
if [ "$LOAD_PATH" != none ]; then header+=" RSS MiB under load (peak) |"; sep+="---:|"; fi
if [ -n "$TASK" ] && [ "$LOAD_PATH" != none ]; then header+=" task memory peak MiB |"; sep+="---:|"; fi
echo "$header"; echo "$sep"
[[ ",$MODES," == *,fat,* ]] && measure "fat jar" "${JVM[@]}" -jar "$JAR"
[[ ",$MODES," == *,extracted,* ]] && measure "extracted" "${JVM[@]}" -jar "$APP"
[[ ",$MODES," == *,aot,* ]] && measure "extracted + AOT cache" "${JVM[@]}" -XX:AOTCache="$WORK/app.aot" -jar "$APP"
exit 0
