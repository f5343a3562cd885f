#!/usr/bin/env bash
# Where a request's CPU goes: the forum monolith under the side-by-side conditions (the prod profile on the embedded
# H2 database, pinned to CPU 0, access log on, wrk -t2 -c50 on CPU 1), profiled with async-profiler (from Maven Central, version pinned in the root pom)
# over one route once it is warm, then split by layer (bench/layers.py): logging, tracing and metrics,
# filters, MVC, message conversion, JSON, data mapping, the JDBC driver, Tomcat, socket I/O.
#
#   bench/profile.sh [--route PATH] [--duration 20s] [--warm-up 60s] [--interval 200us] [--keep FILE]
#                    [-- APP_ARGS...]
#
#   --route PATH    the route under load (default /api/users)
#   --warm-up D     load before the profile, so the JIT is done (default 60s: one core warms slowly)
#   --interval I    async-profiler's CPU sampling interval (default 200us)
#   --keep FILE     keep the collapsed stacks (one stack a line, sample count last; a flame graph tool reads them)
#   APP_ARGS        go to the forum, e.g. `-- --logging.level.forum.access=info` to see the access log's share
# The profile's µs per request are the process's CPU time per request during the profiled run (the profiler
# itself adds a few per cent); read the shares. Needs the monolith jar, wrk, taskset, python3 and Maven Central
# once (./mvnw dependency:copy puts the profiler in ~/.m2). Loopback only; the forum is stopped on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH="$(cd "$(dirname "$0")" && pwd)"

ROUTE=/api/users; DURATION=20s; WARMUP=60s; INTERVAL=200us; KEEP=""; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --route) ROUTE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 (use --route PATH, --duration 20s, --warm-up 60s, --interval 200us, --keep FILE, -- APP_ARGS)" >&2; exit 2 ;;
  esac
done
[[ $ROUTE == /* ]] || { echo "--route takes a path starting with /, not '$ROUTE'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 20s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
[[ $INTERVAL =~ ^[1-9][0-9]*(us|ms)$ ]] || { echo "--interval is like 200us or 1ms, not '$INTERVAL'" >&2; exit 2; }
JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
for tool in wrk taskset python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
VERSION=$(sed -n 's:.*<async-profiler.version>\(.*\)</async-profiler.version>.*:\1:p' "$ROOT/pom.xml")
[ -n "$VERSION" ] || { echo "no <async-profiler.version> in $ROOT/pom.xml" >&2; exit 1; }
"$ROOT/mvnw" -q -B -ntp -f "$ROOT/pom.xml" -N dependency:copy -Dartifact="tools.profiler:async-profiler:$VERSION" \
  -DoutputDirectory="$WORK" >"$WORK/mvn.log" 2>&1 || { tail -5 "$WORK/mvn.log" >&2; echo "could not fetch async-profiler $VERSION" >&2; exit 1; }
(cd "$WORK" && unzip -q -o "async-profiler-$VERSION.jar" 'linux-x64/*')
AGENT="$WORK/linux-x64/libasyncProfiler.so"
JCMD="$JAVA_HOME_25/bin/jcmd"

PORT=$(free_port); MANAGEMENT_PORT=$(free_port)
mapfile -t PROD < <(prod_h2_args "$JAR" "$MANAGEMENT_PORT")
start_process "$WORK/forum.log" taskset -c 0 "$JAVA" "${SERVICE_JVM_FLAGS[@]}" \
  -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$JAR" --server.port="$PORT" \
  "${PROD[@]}" --logging.level.forum.access=debug "${APP_ARGS[@]}"
FORUM=$STARTED_PID
wait_ready "$MANAGEMENT_PORT" 600 >/dev/null || { tail -20 "$WORK/forum.log" >&2; exit 1; }
[ "$WARMUP" = 0s ] || taskset -c 1 wrk -t2 -c50 -d"$WARMUP" "http://127.0.0.1:$PORT$ROUTE" >/dev/null

# The agent is loaded into the running JVM; its options are one argument, quoted for jcmd.
"$JCMD" "$FORUM" JVMTI.agent_load "$AGENT" "\"start,event=cpu,interval=$INTERVAL,file=$WORK/profile.collapsed,collapsed\"" >/dev/null
cpu0=$(cpu_ms "$FORUM")
out=$(taskset -c 1 wrk -t2 -c50 -d"$DURATION" -s "$BENCH/report.lua" "http://127.0.0.1:$PORT$ROUTE" | grep '^RESULT')
cpu1=$(cpu_ms "$FORUM")
"$JCMD" "$FORUM" JVMTI.agent_load "$AGENT" "\"stop,file=$WORK/profile.collapsed,collapsed\"" >/dev/null
n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out")
cpu_us=$(awk -v ms=$(( cpu1 - cpu0 )) -v n="$n" 'BEGIN { printf "%.1f", ms * 1000 / n }')
for _ in $(seq 50); do [ -s "$WORK/profile.collapsed" ] && break; sleep 0.1; done

echo "\`GET $ROUTE\` on the monolith (prod profile on H2, access log on${APP_ARGS[*]:+, ${APP_ARGS[*]}}), commit" \
     "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes');" \
     "async-profiler $VERSION, cpu every $INTERVAL, $DURATION after ${WARMUP} of warm-up; $(machine)."
echo "Under the profiler: $(cut -d' ' -f3-6 <<<"$out"), ${cpu_us} µs of CPU per request."
echo
python3 "$BENCH/layers.py" "$WORK/profile.collapsed" "$cpu_us"
[ -z "$KEEP" ] || cp "$WORK/profile.collapsed" "$KEEP"
