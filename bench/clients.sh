#!/usr/bin/env bash
# One monolith process, CPU per request under different client set-ups, side by side in one run: wrk straight to it
# with 50, 10 and 2 connections, and through HAProxy (the benchmarks' configuration, bench/haproxy.sh) running on the
# forum's own core or on wrk's. Answers whether a figure taken behind a load balancer can be compared with one taken
# without it: a process's CPU per request depends on what else runs on its core, not only on its own code.
# The forum runs under the side-by-side conditions (the prod profile on the embedded H2 database, access log on,
# pinned to CPU 0; wrk -t2 on CPU 1). Prints, per set-up, the medians of req/s, p99, the forum's CPU µs per request
# (its user and system time from /proc over a turn, divided by the requests wrk completed) and HAProxy's.
#
#   bench/clients.sh [--route PATH] [--rounds 3] [--duration 5s] [--warm-up 60s] [-- APP_ARGS...]
#
#   --route PATH   the route under load (default /api/users)
#   --rounds N     turns per set-up, the set-ups taking turns (default 3); report the medians
#   --duration D   wrk's duration of one turn (default 5s)
#   --warm-up D    load before the first turn, straight to the forum (default 60s)
#   APP_ARGS       go to the forum
# Needs the monolith jar (./mvnw -q package -DskipTests), wrk, taskset, haproxy. Loopback only; every process is
# stopped by its pid on exit. Exits 2 with one line on bad arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/haproxy.sh"
BENCH="$(cd "$(dirname "$0")" && pwd)"

ROUTE=/api/users; ROUNDS=3; DURATION=5s; WARMUP=60s; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --route) ROUTE="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --route PATH, --rounds N, --duration 5s, --warm-up 60s, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
[[ $ROUTE == /* ]] || { echo "--route takes a path starting with /, not '$ROUTE'" >&2; exit 2; }
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "--rounds is a whole number of at least 1, not '$ROUNDS'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 5s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
for tool in wrk taskset haproxy; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
port=$(free_port); management=$(free_port)
mapfile -t prod < <(prod_h2_args "$JAR" "$management")
start_process "$WORK/forum.log" taskset -c 0 "$JAVA" "${SERVICE_JVM_FLAGS[@]}" -jar "$JAR" --server.port="$port" \
  "${prod[@]}" --logging.level.forum.access=debug ${APP_ARGS[@]+"${APP_ARGS[@]}"}
FORUM=$STARTED_PID
wait_ready "$management" 600 >/dev/null || { tail -20 "$WORK/forum.log" >&2; exit 1; }

# Two HAProxy processes with the benchmarks' configuration, every route to the forum: one on the forum's core, one on
# wrk's. The posts backend is the forum too (no posts service here); only the monolith's listener is used.
declare -A LB_PORT LB_PID
for cpu in 0 1; do
  LB_PORT[$cpu]=$(free_port)
  haproxy_posts_config "$(free_port)" "$port" "$port" "$management" "$management" "${LB_PORT[$cpu]}" >"$WORK/haproxy-$cpu.cfg"
  start_process "$WORK/haproxy-$cpu.log" taskset -c "$cpu" haproxy -f "$WORK/haproxy-$cpu.cfg" -db
  LB_PID[$cpu]=$STARTED_PID
done
for cpu in 0 1; do
  wait_http "http://127.0.0.1:${LB_PORT[$cpu]}$ROUTE" 30 >/dev/null || { cat "$WORK/haproxy-$cpu.log" >&2; exit 1; }
done
[ "$WARMUP" = 0s ] || taskset -c 1 wrk -t2 -c50 -d"$WARMUP" "http://127.0.0.1:$port$ROUTE" >/dev/null

NAMES=("wrk -c50 straight to the forum" "wrk -c50 through HAProxy on the forum's core (CPU 0)"
       "wrk -c50 through HAProxy on wrk's core (CPU 1)" "wrk -c10 straight to the forum" "wrk -c2 straight to the forum")
URLS=("http://127.0.0.1:$port" "http://127.0.0.1:${LB_PORT[0]}" "http://127.0.0.1:${LB_PORT[1]}"
      "http://127.0.0.1:$port" "http://127.0.0.1:$port")
CONNECTIONS=(50 50 50 10 2)
RESULTS="$WORK/results.tsv"; : >"$RESULTS"
for round in $(seq "$ROUNDS"); do
  for i in "${!NAMES[@]}"; do
    sleep 1
    f0=$(cpu_ms "$FORUM"); h0=$(( $(cpu_ms "${LB_PID[0]}") + $(cpu_ms "${LB_PID[1]}") ))
    out=$(taskset -c 1 wrk -t2 -c"${CONNECTIONS[$i]}" -d"$DURATION" -s "$BENCH/report.lua" "${URLS[$i]}$ROUTE" | grep '^RESULT') \
      || { echo "wrk failed on ${URLS[$i]}$ROUTE" >&2; exit 1; }
    f1=$(cpu_ms "$FORUM"); h1=$(( $(cpu_ms "${LB_PID[0]}") + $(cpu_ms "${LB_PID[1]}") ))
    n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out"); errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$out")
    [ "$errors" = 0 ] || { echo "${NAMES[$i]}: $errors errors on $ROUTE in round $round" >&2; exit 1; }
    printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$(sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<<"$out")" \
      "$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")" \
      "$(awk -v ms=$(( f1 - f0 )) -v n="$n" 'BEGIN { printf "%.1f", ms * 1000 / n }')" \
      "$(awk -v ms=$(( h1 - h0 )) -v n="$n" 'BEGIN { printf "%.1f", ms * 1000 / n }')" >>"$RESULTS"
  done
done

med() { awk -F'\t' -v i="$1" -v f="$2" '$1 == i { print $f }' "$RESULTS" | median; }
machine
echo "bench/clients.sh: one monolith process ($(basename "$JAR")) on CPU 0, \`GET $ROUTE\`; medians of $ROUNDS turns of $DURATION per set-up, the set-ups taking turns."
echo
echo "| client set-up | req/s | p99 ms | forum CPU µs/req | HAProxy CPU µs/req | forum CPU, ratio to the first |"
echo "|---|---:|---:|---:|---:|---:|"
base=$(med 0 4)
for i in "${!NAMES[@]}"; do
  forum=$(med "$i" 4)
  printf '| %s | %.0f | %.2f | %.0f | %s | %.2f |\n' "${NAMES[$i]}" "$(med "$i" 2)" "$(med "$i" 3)" "$forum" \
    "$( [ "${URLS[$i]}" = "http://127.0.0.1:$port" ] && echo "" || printf '%.0f' "$(med "$i" 5)")" \
    "$(awk -v a="$base" -v b="$forum" 'BEGIN { print b / a }')"
done
