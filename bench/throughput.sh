#!/usr/bin/env bash
# Throughput and latency of the monolith on every tutorial route, with the wrk settings of the tutorial's
# Node.js comparison: wrk -t2 -c50 -d15s, loopback, several runs, medians.
#
#   bench/throughput.sh [--db h2|postgres] [--runs N] [--duration 15s] [--route PATH] [--jfr] [-- APP_ARGS...]
#
# --route PATH  only this route (default: every tutorial route)
# --jfr         record the server with Java Flight Recorder and print its hottest methods at the end
# APP_ARGS go to the application, e.g. `-- --spring.threads.virtual.enabled=false` for platform threads.
# Needs the monolith jar (./mvnw -q package -DskipTests) and wrk. Prints a Markdown table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DB=h2; RUNS=3; DURATION=15s; APP_ARGS=(); ONLY_ROUTE=""; JFR=false
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --route) ONLY_ROUTE="$2"; shift 2 ;;
    --jfr) JFR=true; shift ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --db h2|postgres, --runs N, --duration 15s, --route PATH, --jfr, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
ROUTES=(/api/users /api/users/1 /api/threads /api/threads/1 /api/posts/in-thread/1 /api/posts/by-user/2)
[ -n "$ONLY_ROUTE" ] && ROUTES=("$ONLY_ROUTE")

JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

DB_ARGS=()
if [ "$DB" = postgres ]; then
  source "$(dirname "$0")/postgres.sh"
  postgres_up
  DB_ARGS=(--spring.datasource.url="$PG_URL" --spring.datasource.username="$PG_USER"
           --spring.datasource.password="$PG_PASSWORD" --forum.seed-data=always)
fi

PORT=$(free_port)
LOG=$(mktemp)
JVM_ARGS=()
if [ "$JFR" = true ]; then RECORDING=$(mktemp --suffix=.jfr); JVM_ARGS=(-XX:StartFlightRecording=filename="$RECORDING"); fi
start_java "$LOG" "${JVM_ARGS[@]}" -jar "$JAR" --server.port="$PORT" "${DB_ARGS[@]}" "${APP_ARGS[@]}"
APP=$STARTED_PID
READY_MS=$(wait_ready "$PORT") || { tail -20 "$LOG"; exit 1; }
RSS_IDLE=$(rss_mib "$APP")
echo "$(machine)" >&2
echo "monolith ($DB${APP_ARGS[*]:+, ${APP_ARGS[*]}}) ready in ${READY_MS} ms, RSS ${RSS_IDLE} MiB idle; ${RUNS} runs of wrk -t2 -c50 -d${DURATION} per route" >&2

# CPU time per request, from /proc over the measured runs: where the two cores go (the JVM, the database
# server's processes, and what is left for wrk and the kernel).
db_cpu_ms() { if [ "$DB" = postgres ]; then pgrep -u postgres | while read -r p; do cpu_ms "$p" 2>/dev/null || true; echo; done | awk '{ s += $1 } END { print s + 0 }'; else echo 0; fi; }
echo "| route | req/s (median) | p50 ms | p99 ms | errors | runs | JVM CPU µs/req |$([ "$DB" = postgres ] && echo ' PostgreSQL CPU µs/req |')"
echo "|---|---:|---:|---:|---:|---:|---:|$([ "$DB" = postgres ] && echo '---:|')"
RSS_PEAK=$RSS_IDLE
for route in "${ROUTES[@]}"; do
  wrk -t2 -c50 -d5s "http://127.0.0.1:$PORT$route" >/dev/null # warm-up, not reported
  results=()
  jvm_before=$(cpu_ms "$APP"); db_before=$(db_cpu_ms)
  for _ in $(seq "$RUNS"); do
    results+=("$(wrk -t2 -c50 -d"$DURATION" -s "$(dirname "$0")/report.lua" "http://127.0.0.1:$PORT$route" | grep '^RESULT')")
    rss=$(rss_mib "$APP"); [ "$rss" -gt "$RSS_PEAK" ] && RSS_PEAK=$rss
  done
  field() { printf '%s\n' "${results[@]}" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | median; }
  errors=$(printf '%s\n' "${results[@]}" | sed -n 's/.* errors=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s }')
  requests=$(printf '%s\n' "${results[@]}" | sed -n 's/.* requests=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s }')
  per_request() { awk -v ms="$1" -v n="$requests" 'BEGIN { printf "%.0f", ms * 1000 / n }'; }
  row="| \`GET $route\` | $(field rps) | $(field p50_ms) | $(field p99_ms) | $errors | $RUNS | $(per_request $(( $(cpu_ms "$APP") - jvm_before ))) |"
  [ "$DB" = postgres ] && row+=" $(per_request $(( $(db_cpu_ms) - db_before ))) |"
  echo "$row"
done
echo >&2 "RSS under load (peak sampled): ${RSS_PEAK} MiB"
echo
echo "Monolith on $DB${APP_ARGS[*]:+ (${APP_ARGS[*]})}: ready in ${READY_MS} ms; RSS ${RSS_IDLE} MiB idle, ${RSS_PEAK} MiB under load (peak of samples)."
stop "$APP"
if [ "$JFR" = true ]; then
  echo; echo '```'; "$JAVA_HOME_25/bin/jfr" view --width 140 hot-methods "$RECORDING"; echo '```'
  rm -f "$RECORDING"
fi
