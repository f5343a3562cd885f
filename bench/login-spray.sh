#!/usr/bin/env bash
# Password spraying from one address against the monolith, over loopback: wrong logins, each with a username of its
# own, sent one after another with curl. The first forum.users.budget.failed-logins of them (100 by default) are
# checked and answered 401; the address has then spent its budget, and every later one is refused with 429 before any
# password is checked. Prints how many got 401, 429 and anything else, and the CPU the process spent on each kind (its
# user and system time from /proc, in ms and per request): a refused attempt should cost a small fraction of a checked
# one (no bcrypt).
#
#   bench/login-spray.sh [--jar JAR] [--attempts 150] [-- APP_ARGS...]
#
#   --jar JAR       the monolith jar (default forum-app/target/forum-app-*.jar: ./mvnw -pl forum-app -am package)
#   --attempts N    wrong logins to send, 1 to 5000 (default 150: 100 checked, 50 refused)
#   APP_ARGS        go to the jar, e.g. --forum.users.budget.failed-logins=20
# The jar runs with the prod profile on its embedded H2 database (bench/lib.sh, prod_h2_args), with the service
# image's JVM flags, on 127.0.0.1 only, and is stopped by its pid on exit. Exits 2 with one line on bad arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

JAR=""; ATTEMPTS=150; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="${2:-}"; shift 2 ;;
    --attempts) ATTEMPTS="${2:-}"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --jar JAR, --attempts N, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
[ -n "$JAR" ] || JAR=$(monolith_jar)
[ -f "$JAR" ] || { echo "--jar takes the monolith jar, which does not exist: '$JAR' (build it: ./mvnw -pl forum-app -am package)" >&2; exit 2; }
[[ $ATTEMPTS =~ ^[1-9][0-9]*$ ]] && [ "$ATTEMPTS" -le 5000 ] \
  || { echo "--attempts is a whole number from 1 to 5000, not '$ATTEMPTS'" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
port=$(free_port); management=$(free_port)
mapfile -t prod < <(prod_h2_args "$JAR" "$management")
start_java "$WORK/app.log" "${SERVICE_JVM_FLAGS[@]}" -jar "$JAR" --server.port="$port" "${prod[@]}" "${APP_ARGS[@]}"
PID=$STARTED_PID
wait_ready "$management" 600 >/dev/null || { tail -20 "$WORK/app.log" >&2; exit 1; }
URL="http://127.0.0.1:$port/api/users/login"

# One wrong login per line of output: its status, and the process's CPU ms just after it.
declare -A COUNT=([401]=0 [429]=0 [other]=0)
declare -A CPU=([401]=0 [429]=0 [other]=0)
before=$(cpu_ms "$PID"); start=$before
for i in $(seq "$ATTEMPTS"); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"spray-$i\",\"password\":\"not-the-password-$i\"}" "$URL") || status=000
  after=$(cpu_ms "$PID")
  kind=$status; [ "$kind" = 401 ] || [ "$kind" = 429 ] || kind=other
  COUNT[$kind]=$(( COUNT[$kind] + 1 )); CPU[$kind]=$(( CPU[$kind] + after - before ))
  before=$after
done

machine
echo "bench/login-spray.sh: $ATTEMPTS wrong logins, one username each, from 127.0.0.1, one after another; jar $JAR ${APP_ARGS[*]}"
echo
echo "| answer | requests | CPU ms | CPU ms/request |"
echo "|---|---:|---:|---:|"
for kind in 401 429 other; do
  printf '| %s | %d | %d | %s |\n' "$kind" "${COUNT[$kind]}" "${CPU[$kind]}" \
    "$(awk -v ms="${CPU[$kind]}" -v n="${COUNT[$kind]}" 'BEGIN { printf (n ? "%.1f" : "-"), (n ? ms / n : 0) }')"
done
echo
echo "CPU of the process over the spray: $(( before - start )) ms; WARN lines about the block:" \
  "$(grep -c 'is refused login-failure' "$WORK/app.log" || true)"
