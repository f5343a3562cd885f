#!/usr/bin/env bash
# Start-up to readiness and idle RSS of the monolith on JDK 25, with and without the JDK's AOT cache
# (JEP 483/514/515), several runs, medians.
#
#   bench/startup.sh [--runs N] [--jar PATH] [-- APP_ARGS...]
#
# The AOT cache needs the extracted ("exploded") layout, the same JDK and byte-identical jars as its
# training run, so the jar is extracted once with Spring Boot's jarmode tools and trained there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=5; JAR=""; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --runs N, --jar PATH, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
JAR="${JAR:-$(monolith_jar)}"
[ -f "$JAR" ] || { echo "no jar: run ./mvnw -q package -DskipTests first, or pass --jar" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP="$WORK/app/$(basename "$JAR")"
"$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$APP" \
  --server.port=0 "${APP_ARGS[@]}" >"$WORK/training.log" 2>&1 || { tail -20 "$WORK/training.log"; exit 1; }

measure() { # LABEL JAVA_ARGS...
  local label="$1"; shift
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    local port; port=$(free_port)
    start_java "$WORK/run.log" "$@" --server.port="$port" "${APP_ARGS[@]}"
    times+=("$(wait_ready "$port")") || { tail -20 "$WORK/run.log"; exit 1; }
    sleep 1
    rss+=("$(rss_mib "$STARTED_PID")")
    stop "$STARTED_PID"
  done
  echo "| $label | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -g | tr '\n' ' ')| $(printf '%s\n' "${rss[@]}" | median) |"
}

echo "| launch | ready ms (median) | all runs | RSS MiB idle (median) |"
echo "|---|---:|---|---:|"
measure "fat jar" -jar "$JAR"
measure "extracted" -jar "$APP"
measure "extracted + AOT cache" -XX:AOTCache="$WORK/app.aot" -jar "$APP"
