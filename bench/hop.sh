#!/usr/bin/env bash
# The cost of one cross-module call: POST /api/posts checks its user through UsersApi. Measured on the
# same jar twice: the monolith (users in-process) and a posts process whose users module is remote (an
# HTTP call to the monolith on loopback). The difference of the medians is the price of the hop.
#
#   bench/hop.sh [--runs N] [--duration 10s] [--connections 1]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3; DURATION=10s; CONNECTIONS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --runs N, --duration 10s, --connections N)" >&2; exit 2 ;;
  esac
done
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
LUA_POST="$(dirname "$0")/create-post.lua"

MONO_PORT=$(free_port); POSTS_PORT=$(free_port)
start_java "$(mktemp)" -jar "$JAR" --server.port="$MONO_PORT"
wait_ready "$MONO_PORT" >/dev/null
# Posts and threads local, users over HTTP: exactly one remote call per created post.
start_java "$(mktemp)" -jar "$JAR" --server.port="$POSTS_PORT" --forum.topology.local-modules=posts,threads \
  --forum.topology.remote-urls.users="http://127.0.0.1:$MONO_PORT"
wait_ready "$POSTS_PORT" >/dev/null

run() { # PORT -> RESULT lines
  wrk -t1 -c"$CONNECTIONS" -d5s -s "$LUA_POST" "http://127.0.0.1:$1/api/posts" >/dev/null # warm-up
  for _ in $(seq "$RUNS"); do
    cat "$LUA_POST" "$(dirname "$0")/report.lua" > "${TMPDIR:-/tmp}/hop-$$.lua"
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "${TMPDIR:-/tmp}/hop-$$.lua" "http://127.0.0.1:$1/api/posts" | grep '^RESULT'
  done
  rm -f "${TMPDIR:-/tmp}/hop-$$.lua"
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | median; }

IN=$(run "$MONO_PORT"); OVER=$(run "$POSTS_PORT")
in50=$(field p50_ms <<<"$IN"); in99=$(field p99_ms <<<"$IN"); over50=$(field p50_ms <<<"$OVER"); over99=$(field p99_ms <<<"$OVER")
echo "| POST /api/posts, users check | p50 ms | p99 ms | req/s |"
echo "|---|---:|---:|---:|"
echo "| in-process | $in50 | $in99 | $(field rps <<<"$IN") |"
echo "| over HTTP (loopback) | $over50 | $over99 | $(field rps <<<"$OVER") |"
echo "| cost of the hop | $(awk "BEGIN { printf \"%.2f\", $over50 - $in50 }") | $(awk "BEGIN { printf \"%.2f\", $over99 - $in99 }") | |"
