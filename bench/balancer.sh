#!/usr/bin/env bash
# Throughput and latency of every tutorial route through a local load balancer, with posts extracted: HAProxy
# in front of the monolith (users, threads) and the posts service, routing /api/posts and /api/posts/* to the
# posts service and everything else to the monolith; the posts service reaches users and threads through the
# balancer, as it reaches them through the ALB on ECS. wrk -t2 -c50 -d15s per route, several runs, medians.
#
#   bench/balancer.sh [--runs N] [--duration 15s]
#
# HAProxy's settings are those the local stand-in renders (bench/haproxy.sh); it logs nothing per request.
# Needs haproxy (apt-get install haproxy), wrk, the monolith jar and, if built, the posts service jar
# (./mvnw package -DskipTests -Dextract=posts -Dextract.image=false; without it the monolith jar runs posts alone).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/haproxy.sh"

RUNS=3; DURATION=15s
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --runs N, --duration 15s)" >&2; exit 2 ;;
  esac
done
ROUTES=(/api/users /api/users/1 /api/threads /api/threads/1 /api/posts/in-thread/1 /api/posts/by-user/2)
command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
POSTS_JAR="$(service_jar posts || true)"; POSTS_ARGS=()
if [ -z "$POSTS_JAR" ]; then POSTS_JAR=$JAR; POSTS_ARGS=(--extraction.topology.local-modules=posts); fi

WORK=$(mktemp -d)
LB_PORT=$(free_port); MONO_PORT=$(free_port); POSTS_PORT=$(free_port)
haproxy_posts_config "$LB_PORT" "$MONO_PORT" "$POSTS_PORT" >"$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db >/dev/null 2>&1 &
LB=$!
trap 'stop_all; kill $LB 2>/dev/null; wait $LB 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_java "$WORK/monolith.log" -jar "$JAR" --server.port="$MONO_PORT" --extraction.topology.local-modules=users,threads \
  --extraction.topology.remote-base-url="http://127.0.0.1:$LB_PORT"
MONO=$STARTED_PID
wait_ready "$MONO_PORT" 300 >/dev/null || { tail -20 "$WORK/monolith.log"; exit 1; }
start_java "$WORK/posts.log" -jar "$POSTS_JAR" --server.port="$POSTS_PORT" "${POSTS_ARGS[@]}" \
  --extraction.topology.remote-base-url="http://127.0.0.1:$LB_PORT"
POSTS=$STARTED_PID
wait_ready "$POSTS_PORT" 300 >/dev/null || { tail -20 "$WORK/posts.log"; exit 1; }
until curl -fs -o /dev/null "http://127.0.0.1:$LB_PORT/api/posts/in-thread/1"; do sleep 0.2; done # 503 until HAProxy sees both up
echo "posts extracted behind HAProxy $(haproxy -v | head -1 | cut -d' ' -f3); ${RUNS} runs of wrk -t2 -c50 -d${DURATION} per route; $(machine)" >&2

echo "| route (through the balancer) | served by | req/s (median) | p50 ms | p99 ms | errors | runs |"
echo "|---|---|---:|---:|---:|---:|---:|"
for route in "${ROUTES[@]}"; do
  wrk -t2 -c50 -d5s "http://127.0.0.1:$LB_PORT$route" >/dev/null # warm-up, not reported
  results=()
  for _ in $(seq "$RUNS"); do
    results+=("$(wrk -t2 -c50 -d"$DURATION" -s "$(dirname "$0")/report.lua" "http://127.0.0.1:$LB_PORT$route" | grep '^RESULT')")
  done
  field() { printf '%s\n' "${results[@]}" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | median; }
  errors=$(printf '%s\n' "${results[@]}" | sed -n 's/.* errors=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s }')
  served=monolith; [[ $route == /api/posts* ]] && served=posts
  echo "| \`GET $route\` | $served | $(field rps) | $(field p50_ms) | $(field p99_ms) | $errors | $RUNS |"
done
echo
echo "RSS after the load: monolith $(rss_mib "$MONO") MiB, posts service $(rss_mib "$POSTS") MiB."
