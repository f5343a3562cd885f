#!/usr/bin/env bash
# What each setting of the monolith costs, side by side in one run: one jar started once per setting (the first,
# "as shipped", with none), under the side-by-side conditions (the prod profile on the embedded H2 database, access
# log on, every process pinned to CPU 0, wrk -t2 -c50 on CPU 1), taking turns route by route and round by round,
# each round starting one process later, each turn after all processes are idle. A setting that changes nothing
# (e.g. 'control=--extraction.warm-up.rounds=3') shows the spread between two processes of the same settings. Prints, per route and setting, the medians of CPU µs per request (the
# process's user and system time from /proc over a turn, divided by the requests wrk completed in it), req/s and
# p99, and the ratio to "as shipped". A setting that turns a layer off measures that layer's cost; one that turns
# everything off measures what is left. To compare two jars (a code change), use bench/ab.sh.
#
#   bench/settings.sh --setting 'NAME=ARGS'... [--route PATH]... [--rounds 3] [--duration 5s] [--warm-up 60s]
#
#   --setting     a name and the application arguments of one more process, e.g.
#                 'no-access-log=--logging.level.forum.access=info'; ARGS are split on spaces; an argument
#                 replaces the run's own of the same name (--key=...); ARGS starting with -X or -D are JVM
#                 options, after the run's own (e.g. 'thp=-XX:+UseTransparentHugePages'). Repeatable
#   --route PATH  a route to compare; repeatable (default /api/users and /)
#   --rounds N    turns per setting and route (default 3); report the medians
#   --duration D  wrk's duration of one turn (default 5s)
#   --warm-up D   load on every route, per process, before any turn (default 60s)
# Only ratios within one run mean anything; the load average is printed. Loopback only; every process is stopped
# by its pid on exit. Exits 2 with one line on bad arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH="$(cd "$(dirname "$0")" && pwd)"

NAMES=("as shipped"); SETTINGS=(""); ROUTES=(); ROUNDS=3; DURATION=5s; WARMUP=60s
usage="use --setting 'NAME=ARGS', --route PATH, --rounds N, --duration 5s, --warm-up 60s"
while [ $# -gt 0 ]; do
  case "$1" in
    --setting) [[ ${2:-} =~ ^([^=]+)=(--.*|-[XD].*)$ ]] || { echo "--setting takes NAME=ARGS, ARGS starting with -- (the application's) or -X/-D (the JVM's), not '${2:-}'" >&2; exit 2; }
               NAMES+=("${BASH_REMATCH[1]}"); SETTINGS+=("${BASH_REMATCH[2]}"); shift 2 ;;
    --route) ROUTES+=("$2"); shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    *) echo "unknown option $1 ($usage)" >&2; exit 2 ;;
  esac
done
[ ${#NAMES[@]} -gt 1 ] || { echo "give at least one --setting ($usage)" >&2; exit 2; }
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "--rounds must be a positive whole number, not '$ROUNDS'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 5s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
[ ${#ROUTES[@]} -gt 0 ] || ROUTES=(/api/users /)
for r in "${ROUTES[@]}"; do [[ $r == /* ]] || { echo "--route takes a path starting with /, not '$r'" >&2; exit 2; }; done
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
for tool in wrk taskset curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
PIDS=(); URLS=()
for i in "${!NAMES[@]}"; do
  port=$(free_port); management=$(free_port)
  mapfile -t shipped < <(prod_h2_args "$JAR" "$management"); shipped+=(--logging.level.forum.access=debug)
  read -r -a given <<<"${SETTINGS[$i]}"
  # JVM options (-X..., -D...) go before -jar, the rest to the application.
  jvm=(); own=(); for a in ${given[@]+"${given[@]}"}; do if [[ $a == -X* || $a == -D* ]]; then jvm+=("$a"); else own+=("$a"); fi; done
  # A setting's argument replaces the run's own of the same name: Spring would join the two values with a comma.
  args=(); for a in "${shipped[@]}"; do
    keep=true; for o in ${own[@]+"${own[@]}"}; do [ "${a%%=*}" != "${o%%=*}" ] || keep=false; done
    [ "$keep" = false ] || args+=("$a")
  done
  start_process "$WORK/$i.log" taskset -c 0 "$JAVA" "${SERVICE_JVM_FLAGS[@]}" ${jvm[@]+"${jvm[@]}"} -jar "$JAR" \
    --server.port="$port" "${args[@]}" ${own[@]+"${own[@]}"}
  PIDS+=("$STARTED_PID"); URLS+=("http://127.0.0.1:$port")
  # Ready when the application's port answers: a setting may move Actuator's port.
  wait_http "http://127.0.0.1:$port/" 600 >/dev/null || { tail -20 "$WORK/$i.log" >&2; echo "'${NAMES[$i]}' did not start" >&2; exit 1; }
done
load() { taskset -c 1 wrk -t2 -c50 "$@"; }
for i in "${!NAMES[@]}"; do [ "$WARMUP" = 0s ] || load -d"$WARMUP" -s "$BENCH/routes.lua" "${URLS[$i]}" -- "${ROUTES[@]}" >/dev/null; done

total_cpu_ms() { local s=0 p; for p in "${PIDS[@]}"; do s=$(( s + $(cpu_ms "$p") )); done; echo "$s"; }
settle() { # until all processes together use less than 10 ms of CPU in 0.5 s, at most 15 s
  local before; for _ in $(seq 30); do before=$(total_cpu_ms); sleep 0.5; [ $(( $(total_cpu_ms) - before )) -lt 10 ] && return 0; done
}
RESULTS="$WORK/results.tsv"; : >"$RESULTS"
for route in "${ROUTES[@]}"; do
  for i in "${!NAMES[@]}"; do load -d3s "${URLS[$i]}$route" >/dev/null; done
  for round in $(seq "$ROUNDS"); do
    # Each round starts one process later than the last: the first turn after the others' load costs a few per
    # cent more, and would otherwise fall on the same setting every time.
    for k in "${!NAMES[@]}"; do
      i=$(( (k + round - 1) % ${#NAMES[@]} ))
      settle; c0=$(cpu_ms "${PIDS[$i]}")
      out=$(load -d"$DURATION" -s "$BENCH/report.lua" "${URLS[$i]}$route" | grep '^RESULT') || { echo "wrk failed on ${URLS[$i]}$route" >&2; exit 1; }
      c1=$(cpu_ms "${PIDS[$i]}"); n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out")
      grep -q ' errors=0' <<<"$out" || { echo "'${NAMES[$i]}' answered errors on $route: $out" >&2; exit 1; }
      cpu=$(awk -v ms=$(( c1 - c0 )) -v n="$n" 'BEGIN { printf "%.1f", n ? ms * 1000 / n : 0 }')
      printf '%s\t%s\t%s cpu_us=%s\n' "$route" "$i" "$out" "$cpu" >>"$RESULTS"
      echo "$route ${NAMES[$i]} round $round: cpu_us=$cpu $(cut -d' ' -f2-3 <<<"$out")" >&2
    done
  done
done

med() { awk -F'\t' -v r="$1" -v i="$2" '$1 == r && $2 == i { print $3 }' "$RESULTS" | sed -n "s/.* $3=\([0-9.]*\).*/\1/p" | median; }
echo "Commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown); $(machine)."
echo "Medians of $ROUNDS turns of $DURATION per route and setting; the prod profile on H2, access log on; each process on CPU 0, wrk -t2 -c50 on CPU 1."
echo
echo "| route | setting | CPU µs/req | ratio to as shipped | req/s | p99 ms |"
echo "|---|---|---:|---:|---:|---:|"
for route in "${ROUTES[@]}"; do
  base=$(med "$route" 0 cpu_us)
  for i in "${!NAMES[@]}"; do
    cpu=$(med "$route" "$i" cpu_us)
    printf '| `GET %s` | %s%s | %.0f | %.2f | %.0f | %s |\n' "$route" "${NAMES[$i]}" "${SETTINGS[$i]:+ (\`${SETTINGS[$i]}\`)}" "$cpu" \
      "$(awk -v a="$cpu" -v b="$base" 'BEGIN { print b ? a / b : 0 }')" "$(med "$route" "$i" rps)" "$(med "$route" "$i" p99_ms)"
  done
done
