#!/usr/bin/env bash
# The copy rate of a module's data move (data-move, issue 16): N posts (default 1,000,000) in the posts module on a
# throwaway PostgreSQL 15 server (initdb, wal_level=logical, a free port), moved live to a second one as the ECS move
# task moves them (logical replication: initial copy, catch-up, switch, verification), then moved back. Prints the
# table's size, the copy's time and rate, the whole move, the switch's pause and the move back
# (bench/DataMoveCopyRate.java). Both servers run on this machine: a move between two RDS instances adds the network.
#
#   bench/data-move.sh [--rows N]
#
# Needs root or the postgres user (initdb), PostgreSQL 15 (/usr/lib/postgresql/15/bin) and data-move built with its
# test support: ./mvnw -B -ntp -pl data-move -am package -DskipTests -Dinvoker.skip=true
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROWS=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --rows N)" >&2; exit 2 ;;
  esac
done
JAR="$ROOT/data-move/target/data-move.jar"; TESTS="$ROOT/data-move/target/data-move-tests.jar"
[ -f "$JAR" ] && [ -f "$TESTS" ] || { echo "data-move is not built: ./mvnw -B -ntp -pl data-move -am package -DskipTests -Dinvoker.skip=true" >&2; exit 1; }
echo "bench/data-move.sh --rows $ROWS"
echo "$(machine)"
echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- data-move || echo ' (data-move modified)')"
# The launcher compiles the one source file; data-move's jar brings its libraries (its manifest's Class-Path).
"$JAVA" -Dforum.root="$ROOT" -cp "$JAR:$TESTS" "$ROOT/bench/DataMoveCopyRate.java" "$ROWS"
