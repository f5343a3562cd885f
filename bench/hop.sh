#!/usr/bin/env bash
# The cost of one cross-module call: POST /api/posts checks its user through UsersApi. Measured on the
# same jar twice: the monolith (users in-process) and a posts process whose users module is remote (an
# HTTP call to the monolith on loopback). The difference of the medians is the price of the hop.
#
#   bench/hop.sh [--runs N] [--duration 10s] [--connections 1] [--warm-up 30s]
#
# Each process is first warmed with writes on 4 connections, in chunks of 5 s: at least --warm-up, then until the CPU
# per request of three chunks in a row stays within 5 % of their mean (the JIT is done), at most 300 s. At one
# connection a write path runs a few hundred times a second, too few for the JIT to have compiled it within seconds;
# a fixed 30 s was not enough for the posts process, whose JIT threads still took half a core after it (2026-12-04).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3; DURATION=10s; CONNECTIONS=1; WARMUP=30s
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --runs N, --duration 10s, --connections N, --warm-up 30s)" >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || { echo "--runs and --connections are whole numbers from 1, not '$RUNS' / '$CONNECTIONS'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 10s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
LUA_POST="$(dirname "$0")/create-post.lua"

MONO_PORT=$(free_port); POSTS_PORT=$(free_port)
start_java "$(mktemp)" -jar "$JAR" --server.port="$MONO_PORT"
MONO_PID=$STARTED_PID
wait_ready "$MONO_PORT" >/dev/null
# Posts and threads local, users over HTTP: exactly one remote call per created post.
start_java "$(mktemp)" -jar "$JAR" --server.port="$POSTS_PORT" --extraction.topology.local-modules=posts,threads \
  --extraction.topology.remote-urls.users="http://127.0.0.1:$MONO_PORT"
POSTS_PID=$STARTED_PID
wait_ready "$POSTS_PORT" >/dev/null

# Writes need an access token: finn's, issued by the monolith, which the posts process verifies against the same
# signing key. The posts go into a thread of finn's own, opened in each process (each has its own threads module
# and embedded database).
FORUM_TOKEN=$(login_token "http://127.0.0.1:$MONO_PORT"); export FORUM_TOKEN
LUA="$(mktemp --suffix=.lua)"; cat "$LUA_POST" "$(dirname "$0")/report.lua" > "$LUA"
trap 'stop_all; rm -f "$LUA"' EXIT

# both_cpu_ms: the CPU time of the monolith and the posts process together, in ms.
both_cpu_ms() { echo $(( $(cpu_ms "$MONO_PID") + $(cpu_ms "$POSTS_PID") )); }

# warm_up PORT: writes on 4 connections in chunks of 5 s until steady (see the head of this file).
warm_up() {
  local elapsed=0 last=() c0 n
  while [ "$elapsed" -lt 300 ]; do
    c0=$(both_cpu_ms)
    n=$(wrk -t1 -c4 -d5s -s "$LUA_POST" "http://127.0.0.1:$1/api/posts" | awk '/requests in/ { print $1 }')
    elapsed=$(( elapsed + 5 ))
    last+=("$(( n > 0 ? ($(both_cpu_ms) - c0) * 1000 / n : 999999 ))")
    [ ${#last[@]} -le 3 ] || last=("${last[@]:1}")
    if [ "$elapsed" -ge "${WARMUP%s}" ] && [ ${#last[@]} -eq 3 ] && awk -v a="${last[0]}" -v b="${last[1]}" -v c="${last[2]}" \
         'BEGIN { m = (a + b + c) / 3; exit !(m > 0 && a < 1.05 * m && a > 0.95 * m && b < 1.05 * m && b > 0.95 * m && c < 1.05 * m && c > 0.95 * m) }'; then
      break
    fi
  done
  echo "warm-up of port $1: ${elapsed} s, last chunks ${last[*]} µs/req" >&2
}

# run PORT: RESULT lines, each with cpu_us= (the CPU µs per request of the monolith and the posts process together,
# their user and system time over the run divided by the requests: the hop costs on both sides).
# A run with any failed request (a 4xx or 5xx, say) stops the benchmark.
run() {
  local out errors c0 c1 n
  FORUM_THREAD=$(write_thread "http://127.0.0.1:$1" "$FORUM_TOKEN"); export FORUM_THREAD
  warm_up "$1"
  for _ in $(seq "$RUNS"); do
    c0=$(both_cpu_ms)
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$LUA" "http://127.0.0.1:$1/api/posts" | grep '^RESULT')
    c1=$(both_cpu_ms)
    errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$out")
    [ "$errors" = 0 ] || { echo "port $1 answered $errors of POST /api/posts with an error: compare only error-free runs" >&2; exit 1; }
    n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out")
    echo "$out cpu_us=$(( (c1 - c0) * 1000 / n ))"
  done
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | median; }

IN=$(run "$MONO_PORT"); OVER=$(run "$POSTS_PORT")
in50=$(field p50_ms <<<"$IN"); in99=$(field p99_ms <<<"$IN"); over50=$(field p50_ms <<<"$OVER"); over99=$(field p99_ms <<<"$OVER")
incpu=$(field cpu_us <<<"$IN"); overcpu=$(field cpu_us <<<"$OVER")
machine
echo "| POST /api/posts, users check | p50 ms | p99 ms | req/s | CPU µs/req (both processes) |"
echo "|---|---:|---:|---:|---:|"
echo "| in-process | $in50 | $in99 | $(field rps <<<"$IN") | $incpu |"
echo "| over HTTP (loopback) | $over50 | $over99 | $(field rps <<<"$OVER") | $overcpu |"
echo "| cost of the hop | $(awk "BEGIN { printf \"%.2f\", $over50 - $in50 }") | $(awk "BEGIN { printf \"%.2f\", $over99 - $in99 }") | | $(( overcpu - incpu )) |"
