# shellcheck shell=bash
# Shared helpers for the benchmark scripts: start a JDK 25 process, wait for readiness, read RSS and CPU time,
# stop it. Sourced, not run. Everything listens on 127.0.0.1 and every process is stopped by its pid.

JAVA_HOME_25="${JAVA_HOME_25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}"
JAVA="$JAVA_HOME_25/bin/java"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STARTED_PIDS=()
TASK_CGROUPS=()
# A command put before `java` (e.g. `in_task`, see use_task); empty: none.
JAVA_PREFIX=()
# The JVM flags of every service image's entry point (extraction-plugin's ServiceImage.JVM_FLAGS), read from that
# source so that each benchmark runs the JVM as ECS does, with no copy of the flags to drift.
SERVICE_IMAGE_JAVA="$ROOT/extraction-plugin/src/main/java/dev/forum/extraction/image/ServiceImage.java"
mapfile -t SERVICE_JVM_FLAGS < <(sed -n 's/.* JVM_FLAGS = List\.of(\(.*\));.*/\1/p' "$SERVICE_IMAGE_JAVA" 2>/dev/null | tr ',' '\n' | tr -d ' "')
[ ${#SERVICE_JVM_FLAGS[@]} -gt 0 ] && [ -n "${SERVICE_JVM_FLAGS[0]}" ] \
  || { echo "no JVM_FLAGS = List.of(...) in $SERVICE_IMAGE_JAVA" >&2; exit 1; }

stop_all() {
  for pid in "${STARTED_PIDS[@]:-}"; do
    # `|| true`: under set -e a killed process's exit status (143) would end this trap before the next pid.
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  STARTED_PIDS=()
  for cg in "${TASK_CGROUPS[@]:-}"; do
    # The kernel releases a cgroup a moment after its last process has exited: retry for up to 5 s.
    for _ in $(seq 25); do [ -z "$cg" ] || [ ! -d "$cg" ] || rmdir "$cg" 2>/dev/null && break; sleep 0.2; done
    [ -z "$cg" ] || [ ! -d "$cg" ] || echo "could not remove the task cgroup $cg" >&2
  done
  TASK_CGROUPS=()
  return 0
}
trap stop_all EXIT

# free_port: an unused TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# task_cgroup NAME CPUS MEM_MIB: makes a cgroup (v1, root only) limited like a Fargate task, e.g. `task_cgroup
# forum 0.25 512` for the smallest one, and sets TASK_PREFIX to the command that runs its arguments inside it
# (`"${TASK_PREFIX[@]}" java ...`: the same pid, exec'd). A JVM in it reads the limits as it would in the task:
# one active processor (so SerialGC) and its heap from MEM_MIB. Prints nothing; fails if cgroups cannot be made.
# stop_all removes the cgroup.
task_cgroup() {
  local name="forum-bench-$$-$1" cpus="$2" mib="$3"
  [ -d /sys/fs/cgroup/cpu ] && [ -d /sys/fs/cgroup/memory ] || { echo "no cgroup v1 cpu/memory controllers here" >&2; return 1; }
  mkdir -p "/sys/fs/cgroup/cpu/$name" "/sys/fs/cgroup/memory/$name"
  TASK_CGROUPS+=("/sys/fs/cgroup/cpu/$name" "/sys/fs/cgroup/memory/$name")
  awk -v c="$cpus" 'BEGIN { printf "%d\n", c * 100000 }' > "/sys/fs/cgroup/cpu/$name/cpu.cfs_quota_us"
  echo $(( mib * 1024 * 1024 )) > "/sys/fs/cgroup/memory/$name/memory.limit_in_bytes"
  TASK_CGROUP_NAME=$name
  TASK_PREFIX=(bash -c 'echo $$ > /sys/fs/cgroup/cpu/'"$name"'/cgroup.procs; echo $$ > /sys/fs/cgroup/memory/'"$name"'/cgroup.procs; exec "$@"' in-task)
}

# use_task CPUS MEM_MIB: every java started afterwards (start_java) runs in one task cgroup (task_cgroup).
use_task() {
  task_cgroup task "$1" "$2" || return 1
  JAVA_PREFIX=("${TASK_PREFIX[@]}")
}

# task_memory_peak_mib: the task cgroup's peak memory use (RSS plus page cache charged to it), in MiB.
task_memory_peak_mib() {
  awk '{ printf "%.0f", $1 / 1048576 }' "/sys/fs/cgroup/memory/$TASK_CGROUP_NAME/memory.max_usage_in_bytes"
}
task_memory_reset() { echo 0 > "/sys/fs/cgroup/memory/$TASK_CGROUP_NAME/memory.max_usage_in_bytes"; }

# start_java LOG ARGS...: starts `java ARGS` in the background (after JAVA_PREFIX); sets STARTED_PID and START_NS.
start_java() {
  local log="$1"; shift
  start_process "$log" "${JAVA_PREFIX[@]}" "$JAVA" "$@"
}

# start_process LOG COMMAND...: starts COMMAND in the background, standard output and error to LOG; sets STARTED_PID
# (the command's own pid when every prefix execs, as taskset and task_cgroup's do) and START_NS. stop_all stops it.
start_process() {
  local log="$1"; shift
  START_NS=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  STARTED_PIDS+=("$STARTED_PID")
}

# wait_ready PORT [TIMEOUT_S]: polls the forum's readiness on its Actuator port (the application's unless set apart); prints the milliseconds since START_NS.
wait_ready() { wait_http "http://127.0.0.1:$1/actuator/health/readiness" "${2:-180}"; }

# wait_http URL [TIMEOUT_S]: polls URL until it answers 2xx; prints the milliseconds since START_NS. Fails (one
# line on stderr) when STARTED_PID has exited or TIMEOUT_S (default 180) has passed.
wait_http() {
  local url="$1" timeout="${2:-180}" deadline
  deadline=$(( $(date +%s) + timeout ))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$STARTED_PID" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "not ready: $url" >&2; return 1
    fi
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - START_NS) / 1000000 ))
}

# rss_mib PID: resident set size in MiB.
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# cpu_ms PID: CPU time (user + system) the process used so far, in milliseconds. With the machine shared,
# this is steadier than wall time, and it is what a task with a fraction of a CPU pays in wall time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# system_cpu_ms PID: the part of cpu_ms spent in the kernel (system time: system calls, the network stack, switches).
system_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", $15 * 1000 / hz }' "/proc/$1/stat"; }

# stop PID: graceful stop, waits for the exit.
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }

# median: the median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# machine: one line saying what ran the benchmark.
machine() {
  echo "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(free -g | awk '/Mem:/ { print $2 }') GiB," \
       "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M) UTC; $("$JAVA" -version 2>&1 | head -1)"
}

# login_token URL: an access token (valid 15 minutes) of the sample user finn, from the sample data every benchmark
# loads. Fails with one line on stderr if the login is refused.
login_token() {
  local token
  token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"finn","password":"adventure-time-hero"}' \
    "$1/api/users/login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || true
  [ -n "$token" ] || { echo "login_token: no access token from $1/api/users/login" >&2; return 1; }
  echo "$token"
}

# write_thread URL TOKEN: opens a thread of the token's user for a write benchmark to post into, so that writes never
# grow the sample threads the read routes measure; prints its id. create-post.lua reads the token and this id from
# FORUM_TOKEN and FORUM_THREAD. Fails with one line on stderr if the thread is refused.
write_thread() {
  local thread
  thread=$(curl -fsS -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d '{"title":"benchmark writes"}' "$1/api/threads" | sed -n 's/.*"id":\([0-9]*\).*/\1/p') || true
  [ -n "$thread" ] || { echo "write_thread: $1/api/threads did not create a thread" >&2; return 1; }
  echo "$thread"
}

monolith_jar() { local jar; for jar in "$ROOT"/forum-app/target/forum-app-*.jar; do [[ -f $jar && $jar != *original* ]] && { echo "$jar"; return 0; }; done; return 0; }
service_jar() { ls "$ROOT/forum-app/target/services/$1/$1.jar" 2>/dev/null; }

# extract_jar JAR DIR: Spring Boot's extracted layout (DIR/<jar name> plus DIR/lib/), which the AOT cache needs.
extract_jar() { "$JAVA" -Djarmode=tools -jar "$1" extract --force --destination "$2" >/dev/null; }

# train_aot_cache CACHE LOG ARGS...: the JDK's AOT cache (JEP 483/514/515) in two steps. The training run records
# (-XX:AOTMode=record): the process starts, warms up (extraction.warm-up.rounds) and becomes ready, serves a few seconds
# of requests on PATH (TRAIN_PATH, default /api/users), then stops. Then a second JVM, which runs no application
# code, assembles the cache from what was recorded (-XX:AOTMode=create): it holds the classes of start-up and of
# serving, loaded and linked, and the methods' profiles. Two steps rather than -XX:AOTCacheOutput's one, whose
# assembling child JVM would share the training run's memory limit in a task (use_task) and be killed there.
train_aot_cache() {
  local cache="$1" log="$2"; shift 2
  local port; port=$(free_port)
  start_java "$log" -XX:AOTMode=record -XX:AOTConfiguration="$cache.conf" "$@" --server.port="$port"
  wait_ready "$port" 600 >/dev/null || { tail -20 "$log" >&2; return 1; }
  if [ -n "${TRAIN_PATH:-/api/users}" ] && command -v wrk >/dev/null; then
    wrk -t1 -c4 -d3s "http://127.0.0.1:$port${TRAIN_PATH:-/api/users}" >/dev/null 2>&1 || true
  fi
  stop "$STARTED_PID"
  "${JAVA_PREFIX[@]}" "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$cache.conf" -XX:AOTCacheOutput="$cache" "$@" \
    >>"$log" 2>&1 || true
  [ -s "$cache" ] || { echo "no AOT cache written: $cache" >&2; grep -v 'warning\]\[aot' "$log" | tail -20 >&2; return 1; }
}

# prod_h2_args JAR MANAGEMENT_PORT: application arguments that run JAR as ECS runs it (the prod profile: ECS JSON
# log lines, Actuator on a port of its own, and whatever else that profile sets), on the jar's own embedded H2
# database with the sample data loaded (the prod profile leaves the datasource to the environment and loads no
# sample data) and a signing key made up for the run (the prod profile wants one given:
# FORUM_SECURITY_JWT_SIGNINGKEYS). Actuator listens on MANAGEMENT_PORT (a free one per process: the prod
# profile's 3001 is fixed and two processes would clash); wait_ready asks that port. Actuator stays off the
# application's port as in production: on it, its handler mapping is asked first on every request (about 3-8 % of
# a request's CPU, BENCHMARKS.md).
prod_h2_args() {
  local url
  [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "prod_h2_args: give the management port" >&2; return 1; }
  url=$(unzip -p "$1" BOOT-INF/classes/application.properties | sed -n 's/^spring\.datasource\.url=\(jdbc:h2:.*\)$/\1/p' | head -1)
  [ -n "$url" ] || { echo "no embedded H2 URL in $1's application.properties" >&2; return 1; }
  printf '%s\n' --spring.profiles.active=prod "--spring.datasource.url=$url" --forum.seed-data=always \
    --forum.security.jwt.generate-signing-key=true "--management.server.port=$2"
}
