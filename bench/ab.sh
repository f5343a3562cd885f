#!/usr/bin/env bash
# A before/after of one change, side by side in one run: two monolith jars (A, before; B, after) under the
# side-by-side conditions (the prod profile on the embedded H2 database, access log on, both pinned to CPU 0,
# wrk -t2 -c50 on CPU 1), taking turns on each route, A first in odd rounds and B first in even ones so a drift of
# the machine falls on both. Prints, per route, the medians of CPU µs per request (the process's user and system
# time from /proc over a turn, divided by the requests wrk completed in it), req/s and p99 latency, and the ratios B/A.
#
#   bench/ab.sh --a JAR --b JAR [--b-arg ARG]... [--b-jvm FLAG]... [--route PATH]... [--rounds 5] [--duration 5s]
#               [--write] [--warm-up 60s] [-- APP_ARGS...]
#
#   --a, --b JAR   the two monolith jars (copy the first aside before building the second); the same jar twice
#                  with --b-arg compares a setting
#   --b-arg ARG    an application argument for B only, e.g. --b-arg --spring.threads.virtual.enabled=false
#   --b-jvm FLAG   a JVM flag for B only, after the service image's, e.g. --b-jvm -XX:+UseCompactObjectHeaders
#   --route PATH   a route to compare; repeatable (default /api/users and /api/posts/in-thread/1)
#   --write        also compare POST /api/posts, last (bench/create-post.lua: finn creates posts in a thread of his
#                  own, with a token taken before each turn, so the read routes' data does not grow)
#   --rounds N     turns per jar and route (default 5); report the medians
#   --duration D   wrk's duration of one turn (default 5s)
#   --warm-up D    load on every route, per jar, before any turn (default 60s: one core warms slowly)
#   APP_ARGS       go to both jars
# For settings of one jar side by side (several at once, with a control), bench/settings.sh. Only the ratio means
# anything on a shared machine; write the load average (printed) beside it. Loopback only;
# both processes are stopped on exit. Exits 2 with one line on bad arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH="$(cd "$(dirname "$0")" && pwd)"

A=""; B=""; B_ARGS=(); B_JVM=(); ROUTES=(); WRITE=false; ROUNDS=5; DURATION=5s; WARMUP=60s; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --a) A="$2"; shift 2 ;;
    --b) B="$2"; shift 2 ;;
    --b-arg) B_ARGS+=("$2"); shift 2 ;;
    --b-jvm) [[ ${2:-} == -* ]] || { echo "--b-jvm takes a JVM flag starting with -, not '${2:-}'" >&2; exit 2; }
             B_JVM+=("$2"); shift 2 ;;
    --route) ROUTES+=("$2"); shift 2 ;;
    --write) WRITE=true; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --a JAR, --b JAR, --b-arg ARG, --b-jvm FLAG, --route PATH, --write, --rounds N, --duration 5s, --warm-up 60s, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
[ -f "$A" ] && [ -f "$B" ] || { echo "--a and --b each take a monolith jar that exists, not '$A' / '$B'" >&2; exit 2; }
[ ${#ROUTES[@]} -gt 0 ] || ROUTES=(/api/users /api/posts/in-thread/1)
for r in "${ROUTES[@]}"; do [[ $r == /* ]] || { echo "--route takes a path starting with /, not '$r'" >&2; exit 2; }; done
TURNS=(); for r in "${ROUTES[@]}"; do TURNS+=("GET $r"); done; [ "$WRITE" = false ] || TURNS+=("POST /api/posts")
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "--rounds is a whole number of at least 1, not '$ROUNDS'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 5s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
for tool in wrk taskset curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
declare -A PID URL
for s in a b; do
  jar=$A; extra=(); jvm=(); [ "$s" = b ] && { jar=$B; extra=("${B_ARGS[@]}"); jvm=("${B_JVM[@]}"); }
  port=$(free_port); management=$(free_port)
  mapfile -t prod < <(prod_h2_args "$jar" "$management")
  start_process "$WORK/$s.log" taskset -c 0 "$JAVA" "${SERVICE_JVM_FLAGS[@]}" "${jvm[@]}" -jar "$jar" \
    --server.port="$port" "${prod[@]}" --logging.level.forum.access=debug "${APP_ARGS[@]}" "${extra[@]}"
  PID[$s]=$STARTED_PID; URL[$s]="http://127.0.0.1:$port"
  wait_ready "$management" 600 >/dev/null || { tail -20 "$WORK/$s.log" >&2; exit 1; }
done
load() { taskset -c 1 wrk -t2 -c50 "$@"; }
declare -A THREAD
if [ "$WRITE" = true ]; then
  for s in a b; do THREAD[$s]=$(write_thread "${URL[$s]}" "$(login_token "${URL[$s]}")"); done
  cat "$BENCH/create-post.lua" "$BENCH/report.lua" >"$WORK/write.lua"
fi
# wrk_turn JAR_KEY METHOD PATH WRK_ARGS...: load one route of one jar and print wrk's RESULT line; a POST creates posts
# with the token in TOKEN (taken by the caller before the turn: a login costs CPU, and tokens last 15 minutes).
wrk_turn() {
  local s="$1" method="$2" route="$3"; shift 3
  if [ "$method" = POST ]; then
    # A write at -c50 on one core can take over wrk's default 2 s; that is slowness to measure, not an error.
    FORUM_TOKEN=$TOKEN FORUM_THREAD=${THREAD[$s]} load "$@" --timeout 10s -s "$WORK/write.lua" "${URL[$s]}$route"
  else
    load "$@" -s "$BENCH/report.lua" "${URL[$s]}$route"
  fi | grep '^RESULT'
}
for s in a b; do
  [ "$WARMUP" = 0s ] && continue
  load -d"$WARMUP" -s "$BENCH/routes.lua" "${URL[$s]}" -- "${ROUTES[@]}" >/dev/null
  [ "$WRITE" = false ] || { TOKEN=$(login_token "${URL[$s]}"); wrk_turn "$s" POST /api/posts -d"$WARMUP" >/dev/null; }
done

RESULTS="$WORK/results.tsv"; : >"$RESULTS"
for turn in "${TURNS[@]}"; do
  method=${turn%% *}; route=${turn#* }
  for round in $(seq "$ROUNDS"); do
    order=(a b); [ $(( round % 2 )) -eq 0 ] && order=(b a)
    for s in "${order[@]}"; do
      [ "$method" = GET ] || TOKEN=$(login_token "${URL[$s]}")
      sleep 1
      c0=$(cpu_ms "${PID[$s]}")
      out=$(wrk_turn "$s" "$method" "$route" -d"$DURATION") || { echo "wrk failed on $method ${URL[$s]}$route" >&2; exit 1; }
      c1=$(cpu_ms "${PID[$s]}")
      n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out"); rps=$(sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<<"$out")
      p99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$out"); errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$out")
      [ "$errors" = 0 ] || { echo "$s answered $errors errors on $turn: compare only error-free turns" >&2; exit 1; }
      printf '%s\t%s\t%s\t%s\t%s\n' "$turn" "$s" "$(awk -v ms=$(( c1 - c0 )) -v n="$n" 'BEGIN { printf "%.1f", n ? ms * 1000 / n : 0 }')" "$rps" "$p99" >>"$RESULTS"
    done
  done
done

med() { awk -F'\t' -v r="$1" -v s="$2" -v f="$3" '$1 == r && $2 == s { print $f }' "$RESULTS" | median; }
machine
echo "bench/ab.sh: A = $A, B = ${B_JVM[*]:+${B_JVM[*]} }$B ${B_ARGS[*]}; $ROUNDS rounds of $DURATION per jar and route, medians; both on CPU 0, wrk -t2 -c50 on CPU 1."
echo
echo "| route | A CPU µs/req | B CPU µs/req | B/A CPU | A req/s | B req/s | A p99 ms | B p99 ms | B/A p99 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for turn in "${TURNS[@]}"; do
  ca=$(med "$turn" a 3); cb=$(med "$turn" b 3)
  pa=$(med "$turn" a 5); pb=$(med "$turn" b 5)
  printf '| `%s` | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.2f | %.2f |\n' "$turn" "$ca" "$cb" \
    "$(awk -v a="$ca" -v b="$cb" 'BEGIN { print b / a }')" "$(med "$turn" a 4)" "$(med "$turn" b 4)" \
    "$pa" "$pb" "$(awk -v a="$pa" -v b="$pb" 'BEGIN { print (a > 0 ? b / a : 0) }')"
done
echo
echo "Per turn, CPU µs/req (in round order):"
for turn in "${TURNS[@]}"; do
  for s in a b; do
    echo "  $turn $s: $(awk -F'\t' -v r="$turn" -v s="$s" '$1 == r && $2 == s { printf "%s ", $3 }' "$RESULTS")"
  done
done
