# Shared helpers for the benchmark scripts: start a JDK 25 process, wait for readiness, read RSS, stop it.
# Sourced, not run. Everything listens on 127.0.0.1 and every process is stopped by its pid.

JAVA_HOME_25="${JAVA_HOME_25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}"
JAVA="$JAVA_HOME_25/bin/java"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STARTED_PIDS=()

stop_all() {
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  STARTED_PIDS=()
}
trap stop_all EXIT

# free_port: an unused TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_java LOG ARGS...: starts `java ARGS` in the background; sets STARTED_PID and START_NS.
start_java() {
  local log="$1"; shift
  START_NS=$(date +%s%N)
  "$JAVA" "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  STARTED_PIDS+=("$STARTED_PID")
}

# wait_ready PORT [TIMEOUT_S]: polls readiness; prints the milliseconds since START_NS.
wait_ready() {
  local port="$1" timeout="${2:-120}" deadline
  deadline=$(( $(date +%s) + timeout ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "$STARTED_PID" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "not ready on port $port" >&2; return 1
    fi
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - START_NS) / 1000000 ))
}

# rss_mib PID: resident set size in MiB.
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# stop PID: graceful stop, waits for the exit.
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }

# median: the median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

monolith_jar() { ls "$ROOT"/forum-app/target/forum-app-*.jar 2>/dev/null | grep -v original | head -1; }
