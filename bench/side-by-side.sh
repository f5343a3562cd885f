#!/usr/bin/env bash
# The forum against its peers, side by side in one run: the forum monolith, the tutorial's Node.js sample
# (../shared/peers/node-sample) and the JVM's floor (bench/FloorServer.java: the JDK's HTTP server on virtual
# threads answering the forum's own bytes), the Spring MVC floor (bench/SpringMvcFloor.java: the same bytes through
# the forum's Tomcat and Spring MVC, none of the forum's layers), and on the posts routes the posts service
# extracted behind HAProxy and, for comparison, the same monolith process behind the same HAProxy (as on ECS, where
# both stand behind the ALB). For every tutorial GET route: req/s, p50, p99 and CPU µs per request (the process's
# CPU time from /proc over a run, divided by the requests wrk completed in it), medians of the runs, and the
# ratios forum/sample, forum/floor, Spring MVC floor/sample, forum/Spring MVC floor, monolith via HAProxy/monolith
# and posts service/monolith (both via HAProxy). A second table splits off the kernel's part: system CPU µs per request
# and, with --syscalls, the system calls and context switches per request.
#
#   bench/side-by-side.sh [--db h2|postgres] [--runs N] [--duration 10s] [--warm-up 60s] [--route PATH]...
#                         [--task CPUS:MIB] [--no-balancer] [--connections 50] [--jvm "FLAGS"] [--syscalls]
#                         [--webflux-floor] [--layered-floors] [-- APP_ARGS...]
#
#   --db postgres   the forum (and the posts service) on the local PostgreSQL cluster, in a database of its own;
#                   PostgreSQL's CPU per request (the backends serving that database) is reported beside the JVM's
#   --runs N        measured runs per route and server (default 3); the servers take turns within each run
#   --duration D    wrk's duration of one measured run (default 10s)
#   --warm-up D     per server, before any measurement, wrk over every route in turn: at least D (default
#                   60s: a JVM on one core compiles for about a minute), then until its CPU per request is
#                   steady (at most 300 s); both divided by the CPUs of --task; each route then gets 3 s more
#                   per server before its runs
#   --route PATH    only this route (repeatable; default: every tutorial GET route)
#   --task C:M      every server in a cgroup of its own limited like a Fargate task, e.g. 0.25:512 (a quarter
#                   of a CPU, 512 MiB); HAProxy, the load balancer, stays outside
#   --no-balancer   skip the posts service, the monolith via HAProxy and HAProxy
#   --connections N wrk's connections (default 50, with -t2: the tutorial's settings)
#   --jvm "FLAGS"   the forum's and the posts service's JVM flags (default: the service image's)
#   --syscalls      count each server's system calls and context switches over every run with `perf stat -p`
#                   (linux-perf; tracepoints, so root): the counting itself adds a little CPU to every server
#   --webflux-floor also the Spring WebFlux floor (bench/SpringWebFluxFloor.java: the same bytes through Spring
#                   WebFlux on Reactor Netty's epoll transport, the forum's Spring Boot), twice: its controller on
#                   the event loop, and on virtual threads as blocking code must run (libraries from Maven)
#   --layered-floors also the Spring MVC floor and the Spring WebFlux floor on virtual threads with the forum's kind
#                   of layers (bench/MvcLayers.java, bench/WebFluxLayers.java: Spring Security's resource server,
#                   the request's observation and trace context, a request id and an ECS access log line per
#                   request), each on the same libraries from Maven but its web stack: what those layers cost on
#                   either stack, and so what a port of the forum's web layer to WebFlux would keep of the floors' gap
#   APP_ARGS        go to the forum and the posts service, e.g. `-- --spring.threads.virtual.enabled=false`
#
# The forum and the posts service run with the prod profile (as on ECS: ECS JSON log lines), on the embedded H2
# database by default. Fair conditions (issue 17): every server is pinned to CPU 0 with taskset, wrk to CPU 1;
# the servers take turns and each waits for the others to be idle before a run; each logs one line per request to a file (the
# sample as it ships, the forum with its access log on: logging.level.forum.access=debug); the plain floors log
# nothing per request, the layered ones one line per request to a file, as the forum. Loopback only, free ports, bounded in time; every process is stopped by its pid on exit.
# Needs: the monolith jar (./mvnw -q package -DskipTests), wrk, node and npm (the sample is copied to a temp
# dir and `npm install`ed; NODE_SAMPLE=DIR to take it from elsewhere), taskset, haproxy (unless --no-balancer),
# two or more CPUs. The posts service jar is used if built (-Dextract=posts), else the monolith jar runs posts
# alone. Prints Markdown tables on stdout; progress on stderr.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/haproxy.sh"
source "$(dirname "$0")/floors.sh"
BENCH="$(cd "$(dirname "$0")" && pwd)"

DB=h2; RUNS=3; DURATION=10s; WARMUP=60s; ROUTES=(); TASK=""; BALANCER=true; CONNECTIONS=50
JVM_FLAGS="${SERVICE_JVM_FLAGS[*]}"; APP_ARGS=(); SYSCALLS=false; WEBFLUX=false; LAYERED=false
usage="use --db h2|postgres, --runs N, --duration 10s, --warm-up 60s, --route PATH, --task CPUS:MIB, --no-balancer, --connections N, --jvm \"FLAGS\", --syscalls, --webflux-floor, --layered-floors, -- APP_ARGS"
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARMUP="$2"; shift 2 ;;
    --route) ROUTES+=("$2"); shift 2 ;;
    --task) TASK="$2"; shift 2 ;;
    --no-balancer) BALANCER=false; shift ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --jvm) JVM_FLAGS="$2"; shift 2 ;;
    --syscalls) SYSCALLS=true; shift ;;
    --webflux-floor) WEBFLUX=true; shift ;;
    --layered-floors) LAYERED=true; shift ;;
    --) shift; APP_ARGS=("$@"); break ;;
    *) echo "unknown option $1 ($usage)" >&2; exit 2 ;;
  esac
done
[[ $DB == h2 || $DB == postgres ]] || { echo "--db must be h2 or postgres, not '$DB'" >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive whole number, not '$RUNS'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || { echo "--duration and --warm-up are seconds like 10s, not '$DURATION' / '$WARMUP'" >&2; exit 2; }
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || { echo "--connections must be a positive whole number, not '$CONNECTIONS'" >&2; exit 2; }
[[ -z $TASK || $TASK =~ ^[0-9.]+:[1-9][0-9]*$ ]] || { echo "--task is CPUS:MIB like 0.25:512, not '$TASK'" >&2; exit 2; }
ROUTE_ARGS=""; for r in "${ROUTES[@]}"; do ROUTE_ARGS+=" --route $r"; done # for the printed command
[ ${#ROUTES[@]} -gt 0 ] || ROUTES=(/api/users /api/users/1 /api/threads /api/threads/1 /api/posts /api/posts/in-thread/1
                                    /api/posts/by-user/2 /api/ /)
for r in "${ROUTES[@]}"; do [[ $r == /* ]] || { echo "--route takes a path starting with /, not '$r'" >&2; exit 2; }; done
read -r -a JVM <<<"$JVM_FLAGS"

JAR="$(monolith_jar)"; [ -n "$JAR" ] || { echo "no monolith jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
for tool in wrk node npm taskset curl; do command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install ${tool/taskset/util-linux})" >&2; exit 1; }; done
[ "$BALANCER" = false ] || command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install haproxy (or --no-balancer)" >&2; exit 1; }
[ "$SYSCALLS" = false ] || perf stat -e raw_syscalls:sys_enter,context-switches -p $$ -o /dev/null -- true 2>/dev/null \
  || { echo "--syscalls needs perf with tracepoints (apt-get install linux-perf; as root)" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs two CPUs: one for the servers, one for wrk" >&2; exit 1; }
SAMPLE_SRC="${NODE_SAMPLE:-$ROOT/../shared/peers/node-sample}"
[ -f "$SAMPLE_SRC/server.js" ] || { echo "no Node.js sample at $SAMPLE_SRC: set NODE_SAMPLE=DIR (the tutorial's 2-containerized/services/api)" >&2; exit 1; }
SERVER_CPU=0; LOAD_CPU=1

WORK=$(mktemp -d)
cleanup() {
  stop_all
  if [ "$DB" = postgres ]; then postgres_down; fi
  rm -rf "$WORK"
}
if [ "$DB" = postgres ]; then source "$(dirname "$0")/postgres.sh"; postgres_up; fi
trap cleanup EXIT
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes')"
log() { echo "$*" >&2; }

# serve NAME LOG COMMAND...: starts a server pinned to SERVER_CPU, in its own task cgroup with --task.
serve() {
  local name="$1" log="$2"; shift 2
  local prefix=()
  if [ -n "$TASK" ]; then task_cgroup "$name" "${TASK%%:*}" "${TASK##*:}"; prefix=("${TASK_PREFIX[@]}"); fi
  start_process "$log" "${prefix[@]}" taskset -c "$SERVER_CPU" "$@"
}

# --- the servers -------------------------------------------------------------------------------------------
# The forum runs as ECS runs it: the prod profile (ECS JSON log lines, Actuator on a port of its own), on the
# database chosen here. Each JVM gets its own management port (the prod profile's 3001 would clash).
FORUM_PORT=$(free_port); FORUM_MANAGEMENT_PORT=$(free_port); POSTS_MANAGEMENT_PORT=$(free_port)
if [ "$DB" = postgres ]; then
  DB_ARGS=(--spring.profiles.active=prod --spring.datasource.url="$PG_URL" --spring.datasource.username="$PG_USER"
           --spring.datasource.password="$PG_PASSWORD" --forum.seed-data=always
           --forum.security.jwt.generate-signing-key=true --management.server.port="$FORUM_MANAGEMENT_PORT")
  POSTS_DB_ARGS=("${DB_ARGS[@]/--forum.seed-data=always/--forum.seed-data=never}") # the forum has seeded the schema
else
  mapfile -t DB_ARGS < <(prod_h2_args "$JAR" "$FORUM_MANAGEMENT_PORT"); [ ${#DB_ARGS[@]} -gt 0 ] || exit 1
  POSTS_DB_ARGS=("${DB_ARGS[@]}") # its own in-memory database, seeded
fi
POSTS_DB_ARGS=("${POSTS_DB_ARGS[@]/--management.server.port=$FORUM_MANAGEMENT_PORT/--management.server.port=$POSTS_MANAGEMENT_PORT}")
serve forum "$WORK/forum.log" "$JAVA" "${JVM[@]}" -jar "$JAR" --server.port="$FORUM_PORT" \
  --logging.level.forum.access=debug "${DB_ARGS[@]}" "${APP_ARGS[@]}"
FORUM=$STARTED_PID
FORUM_READY=$(wait_ready "$FORUM_MANAGEMENT_PORT" 600) || { tail -20 "$WORK/forum.log" >&2; exit 1; }
log "forum ready in $FORUM_READY ms (pid $FORUM)"

cp -r "$SAMPLE_SRC" "$WORK/node-sample"
(cd "$WORK/node-sample" && rm -rf node_modules && npm install --silent --no-audit --no-fund >"$WORK/npm.log" 2>&1) \
  || { tail -20 "$WORK/npm.log" >&2; echo "npm install of the sample failed" >&2; exit 1; }
SAMPLE_PORT=$(free_port)
# The sample's README: a preload binds 127.0.0.1 and takes the port from PORT; one log line per request to stdout.
cd "$WORK/node-sample"
serve sample "$WORK/sample.log" env PORT="$SAMPLE_PORT" node -e \
  "const n=require('net'),l=n.Server.prototype.listen;n.Server.prototype.listen=function(p,...r){return l.call(this,+process.env.PORT||p,'127.0.0.1',...r.filter(f=>typeof f==='function'))};require('./server.js')"
cd - >/dev/null
SAMPLE=$STARTED_PID
wait_http "http://127.0.0.1:$SAMPLE_PORT/" 60 >/dev/null || { tail -20 "$WORK/sample.log" >&2; exit 1; }
log "sample ready (pid $SAMPLE, $(node --version))"

# The floors answer the forum's bytes, captured now (bench/floors.sh).
capture_routes "http://127.0.0.1:$FORUM_PORT" "${ROUTES[@]}"
FLOOR_PORT=$(free_port); start_jdk_floor "$FLOOR_PORT"; FLOOR=$STARTED_PID
log "floor ready (pid $FLOOR)"
MVC_PORT=$(free_port); start_mvc_floor "$JAR" "$MVC_PORT" "${JVM[@]}"; MVC=$STARTED_PID
log "Spring MVC floor ready (pid $MVC)"

SERVERS=(forum sample floor mvc)
declare -A PID=([forum]=$FORUM [sample]=$SAMPLE [floor]=$FLOOR [mvc]=$MVC)
declare -A URL=([forum]="http://127.0.0.1:$FORUM_PORT" [sample]="http://127.0.0.1:$SAMPLE_PORT" [floor]="http://127.0.0.1:$FLOOR_PORT"
                [mvc]="http://127.0.0.1:$MVC_PORT")
if [ "$WEBFLUX" = true ]; then
  for mode in event-loop virtual-threads; do
    name=flux-${mode%%-*}; port=$(free_port)
    start_webflux_floor "$name" "$mode" "$port" "${JVM[@]}"
    SERVERS+=("$name"); PID[$name]=$STARTED_PID; URL[$name]="http://127.0.0.1:$port"
    log "Spring WebFlux floor ($mode) ready (pid $STARTED_PID): $(grep -m1 'Netty started' "$WORK/$name.log" | sed 's/.*: //')"
  done
fi
if [ "$LAYERED" = true ]; then
  port=$(free_port); start_layered_mvc_floor "$port" "${JVM[@]}"
  SERVERS+=(mvc-layers); PID[mvc-layers]=$STARTED_PID; URL[mvc-layers]="http://127.0.0.1:$port"
  port=$(free_port); start_layered_webflux_floor "$port" "${JVM[@]}"
  SERVERS+=(flux-layers); PID[flux-layers]=$STARTED_PID; URL[flux-layers]="http://127.0.0.1:$port"
  log "layered floors ready (Spring MVC pid ${PID[mvc-layers]}, Spring WebFlux pid ${PID[flux-layers]})"
fi
POST_ROUTES=(); for r in "${ROUTES[@]}"; do [[ $r == /api/posts || $r == /api/posts/* ]] && POST_ROUTES+=("$r"); done
if [ "$BALANCER" = true ] && [ ${#POST_ROUTES[@]} -gt 0 ]; then
  POSTS_JAR="$(service_jar posts || true)"; POSTS_ARGS=()
  if [ -z "$POSTS_JAR" ]; then POSTS_JAR=$JAR; POSTS_ARGS=(--extraction.topology.local-modules=posts); fi
  LB_PORT=$(free_port); POSTS_PORT=$(free_port); MONOLITH_LB_PORT=$(free_port)
  # Users and threads (the posts service's remote modules) are the forum's, behind the same balancer; a second
  # listener sends every route to the forum, so the monolith is also measured behind HAProxy.
  haproxy_posts_config "$LB_PORT" "$FORUM_PORT" "$POSTS_PORT" "$FORUM_MANAGEMENT_PORT" "$POSTS_MANAGEMENT_PORT" \
    "$MONOLITH_LB_PORT" >"$WORK/haproxy.cfg"
  start_process "$WORK/haproxy.log" taskset -c "$SERVER_CPU" haproxy -f "$WORK/haproxy.cfg" -db
  HAPROXY=$STARTED_PID
  serve posts "$WORK/posts.log" "$JAVA" "${JVM[@]}" -jar "$POSTS_JAR" --server.port="$POSTS_PORT" "${POSTS_ARGS[@]}" \
    --extraction.topology.remote-base-url="http://127.0.0.1:$LB_PORT" --logging.level.forum.access=debug \
    "${POSTS_DB_ARGS[@]}" "${APP_ARGS[@]}"
  POSTS=$STARTED_PID
  wait_ready "$POSTS_MANAGEMENT_PORT" 600 >/dev/null || { tail -20 "$WORK/posts.log" >&2; exit 1; }
  STARTED_PID=$HAPROXY
  wait_http "http://127.0.0.1:$LB_PORT${POST_ROUTES[0]}" 30 >/dev/null || { echo "HAProxy does not route to posts" >&2; exit 1; }
  # "lb": the forum's own process, reached through HAProxy; the forum's warm-up serves for it.
  SERVERS+=(lb posts)
  PID[lb]=$FORUM; URL[lb]="http://127.0.0.1:$MONOLITH_LB_PORT"
  PID[posts]=$POSTS; URL[posts]="http://127.0.0.1:$LB_PORT"
  log "posts service behind HAProxy ready (pid $POSTS, HAProxy pid $HAPROXY, $(haproxy -v | head -1 | cut -d' ' -f3))"
fi
declare -A LABEL=([forum]="forum (monolith, $DB)" [sample]="Node.js sample" [floor]="JDK floor" [mvc]="Spring MVC floor"
                  [lb]="forum (monolith, $DB) via HAProxy" [posts]="posts service via HAProxy"
                  [flux-event]="Spring WebFlux floor, event loop" [flux-virtual]="Spring WebFlux floor, virtual threads"
                  [mvc-layers]="Spring MVC floor with layers" [flux-layers]="Spring WebFlux floor (virtual threads) with layers")
# serves SERVER ROUTE: the balanced pair (the monolith and the posts service via HAProxy) run the posts routes only.
serves() { { [ "$1" != posts ] && [ "$1" != lb ]; } || [[ $2 == /api/posts || $2 == /api/posts/* ]]; }
balanced() { [ "$1" = posts ] || [ "$1" = lb ]; }

# --- measuring ---------------------------------------------------------------------------------------------
# settle: waits (up to 15 s) until every server is idle: less than 10 ms of CPU over 0.5 s, all together, so a
# JIT or GC finishing after one server's run is not charged to the next.
settle() {
  local before after
  for _ in $(seq 30); do
    before=$(total_cpu_ms); sleep 0.5; after=$(total_cpu_ms)
    [ $(( after - before )) -lt 10 ] && return 0
  done
  log "servers not idle after 15 s; measuring anyway"
}
total_cpu_ms() { local s=0 p; for p in "${PID[@]}" ${HAPROXY:+"$HAPROXY"}; do s=$(( s + $(cpu_ms "$p") )); done; echo "$s"; }
# pg_cpu_ms: CPU time of the PostgreSQL backends connected to the benchmark's database (0 on H2). Other sessions'
# backends on the shared cluster are not counted.
pg_backends() { runuser -u postgres -- psql -At -p "$PG_PORT" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB'"; }
pg_cpu_ms() { local s=0 p; for p in "$@"; do s=$(( s + $(cpu_ms "$p" 2>/dev/null || echo 0) )); done; echo "$s"; }
load() { taskset -c "$LOAD_CPU" wrk -t2 -c"$CONNECTIONS" "$@"; }

# warm_up SERVER: wrk over every route the server serves, in turn, in chunks of 5 s: at least WARMUP, then until
# the CPU per request of three chunks in a row stays within 5 % of their mean (the JIT is done), at most 300 s.
# In a task of C CPUs (--task) both bounds are divided by C: the JIT compiles at C of a core's speed, and its
# CPU per request stays flat (and high) for minutes before it falls.
warm_up() {
  local s="$1" paths=() r elapsed=0 min max last=() c0 c1 n cpus=1
  [ -z "$TASK" ] || cpus=${TASK%%:*}
  min=$(awk -v w="${WARMUP%s}" -v c="$cpus" 'BEGIN { printf "%d", w / c }')
  max=$(awk -v c="$cpus" 'BEGIN { printf "%d", 300 / c }')
  for r in "${ROUTES[@]}"; do serves "$s" "$r" && paths+=("$r"); done
  while [ "$elapsed" -lt "$max" ]; do
    c0=$(cpu_ms "${PID[$s]}")
    n=$(load -d5s -s "$BENCH/routes.lua" "${URL[$s]}" -- "${paths[@]}" | awk '/requests in/ { print $1 }')
    c1=$(cpu_ms "${PID[$s]}"); elapsed=$(( elapsed + 5 ))
    last+=("$(( n > 0 ? (c1 - c0) * 1000 / n : 999999 ))")
    [ ${#last[@]} -le 3 ] || last=("${last[@]:1}")
    if [ "$elapsed" -ge "$min" ] && [ ${#last[@]} -eq 3 ] && awk -v a="${last[0]}" -v b="${last[1]}" -v c="${last[2]}" \
         'BEGIN { m = (a + b + c) / 3; exit !(m > 0 && a < 1.05 * m && a > 0.95 * m && b < 1.05 * m && b > 0.95 * m && c < 1.05 * m && c > 0.95 * m) }'; then
      break
    fi
  done
  log "warm-up: $s, ${elapsed} s over ${#paths[@]} routes, last chunks ${last[*]} µs/req"
}
for s in "${SERVERS[@]}"; do [ "$s" = lb ] || warm_up "$s"; done

RESULTS="$WORK/results.tsv"; : >"$RESULTS"
for route in "${ROUTES[@]}"; do
  for s in "${SERVERS[@]}"; do serves "$s" "$route" && load -d3s "${URL[$s]}$route" >/dev/null; done
  for run in $(seq "$RUNS"); do
    for s in "${SERVERS[@]}"; do
      serves "$s" "$route" || continue
      settle
      pg=(); [ "$DB" = postgres ] && { [ "$s" = forum ] || balanced "$s"; } && mapfile -t pg < <(pg_backends)
      counted=(); [ "$SYSCALLS" = false ] || counted=(perf stat -x ',' -e 'raw_syscalls:sys_enter,context-switches' -p "${PID[$s]}" -o "$WORK/perf.csv" --)
      cpu0=$(cpu_ms "${PID[$s]}"); sys0=$(system_cpu_ms "${PID[$s]}"); lb0=$(cpu_ms "${HAPROXY:-$$}"); pg0=$(pg_cpu_ms "${pg[@]}")
      out=$("${counted[@]}" taskset -c "$LOAD_CPU" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH/report.lua" "${URL[$s]}$route" \
        | grep '^RESULT') || { echo "wrk failed on ${URL[$s]}$route" >&2; exit 1; }
      cpu1=$(cpu_ms "${PID[$s]}"); sys1=$(system_cpu_ms "${PID[$s]}"); lb1=$(cpu_ms "${HAPROXY:-$$}"); pg1=$(pg_cpu_ms "${pg[@]}")
      calls=0; switches=0
      [ "$SYSCALLS" = false ] || { calls=$(awk -F, '/raw_syscalls/ { print $1 }' "$WORK/perf.csv"); switches=$(awk -F, '/context-switches/ { print $1 }' "$WORK/perf.csv"); }
      n=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$out")
      us() { awk -v ms="$1" -v n="$n" 'BEGIN { printf "%.1f", n ? ms * 1000 / n : 0 }'; }
      lb_us=0; balanced "$s" && lb_us=$(us $(( lb1 - lb0 )))
      per() { awk -v c="$1" -v n="$n" 'BEGIN { printf "%.2f", n ? c / n : 0 }'; }
      printf '%s\t%s\t%s\t%s cpu_us=%s lb_us=%s pg_us=%s sys_us=%s calls=%s switches=%s\n' "$route" "$s" "$run" "$out" \
        "$(us $(( cpu1 - cpu0 )))" "$lb_us" "$(us $(( pg1 - pg0 )))" "$(us $(( sys1 - sys0 )))" "$(per "$calls")" \
        "$(per "$switches")" >>"$RESULTS"
      log "$route $s run $run: $(cut -d' ' -f3-6 <<<"$out") cpu_us=$(us $(( cpu1 - cpu0 )))"
    done
  done
done

# --- the tables --------------------------------------------------------------------------------------------
# med ROUTE SERVER FIELD: the median of FIELD over the runs.
med() { awk -F'\t' -v r="$1" -v s="$2" '$1 == r && $2 == s { print $4 }' "$RESULTS" | sed -n "s/.* $3=\([0-9.]*\).*/\1/p" | median; }
sum_errors() { awk -F'\t' -v r="$1" -v s="$2" '$1 == r && $2 == s { print $4 }' "$RESULTS" | sed -n 's/.* errors=\([0-9]*\).*/\1/p' | awk '{ t += $1 } END { print t + 0 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
round() { awk -v a="$1" 'BEGIN { printf "%.0f", a }'; }

echo "Commit $COMMIT; $(machine)."
echo "\`bench/side-by-side.sh$([ "$DB" = h2 ] || echo " --db $DB") --runs $RUNS --duration $DURATION --warm-up $WARMUP$ROUTE_ARGS$([ -z "$TASK" ] || echo " --task $TASK")$([ "$BALANCER" = true ] || echo " --no-balancer")$([ "$CONNECTIONS" = 50 ] || echo " --connections $CONNECTIONS")$([ "$SYSCALLS" = false ] || echo " --syscalls")$([ "$WEBFLUX" = false ] || echo " --webflux-floor")$([ "$LAYERED" = false ] || echo " --layered-floors")${APP_ARGS[*]:+ -- ${APP_ARGS[*]}}\`:"
echo "servers on CPU $SERVER_CPU (taskset)$([ -z "$TASK" ] || echo ", each in a cgroup of ${TASK%%:*} CPU and ${TASK##*:} MiB"); wrk -t2 -c$CONNECTIONS on CPU $LOAD_CPU;" \
     "medians of $RUNS runs of $DURATION per route and server, the servers taking turns; forum JVM flags: ${JVM_FLAGS:-none}."
echo
head="| route | server | req/s | p50 ms | p99 ms | CPU µs/req |"; rule="|---|---|---:|---:|---:|---:|"
[ "$BALANCER" = true ] && { head+=" HAProxy CPU µs/req |"; rule+="---:|"; }
[ "$DB" = postgres ] && { head+=" PostgreSQL CPU µs/req |"; rule+="---:|"; }
echo "$head errors |"; echo "$rule---:|"
for route in "${ROUTES[@]}"; do
  for s in "${SERVERS[@]}"; do
    serves "$s" "$route" || continue
    row="| \`GET $route\` | ${LABEL[$s]} | $(round "$(med "$route" "$s" rps)") | $(med "$route" "$s" p50_ms) | $(med "$route" "$s" p99_ms) | $(round "$(med "$route" "$s" cpu_us)") |"
    [ "$BALANCER" = true ] && { if balanced "$s"; then row+=" $(round "$(med "$route" "$s" lb_us)") |"; else row+=" |"; fi; }
    [ "$DB" = postgres ] && { if [ "$s" = forum ] || balanced "$s"; then row+=" $(round "$(med "$route" "$s" pg_us)") |"; else row+=" |"; fi; }
    echo "$row $(sum_errors "$route" "$s") |"
  done
done
echo
echo "Ratios of the medians (below 1: the forum spends less, or waits less; above 1 for req/s: the forum serves more):"
echo
head="| route | req/s forum/sample | p99 forum/sample | CPU forum/sample | CPU forum/floor | CPU Spring MVC floor/sample | CPU forum/Spring MVC floor |"
rule="|---|---:|---:|---:|---:|---:|---:|"
[ "$WEBFLUX" = true ] && { head+=" CPU WebFlux floor (event loop)/sample | CPU WebFlux floor (virtual threads)/sample |"; rule+="---:|---:|"; }
[ "$LAYERED" = true ] && { head+=" CPU MVC floor with layers/sample | CPU WebFlux floor with layers/sample | CPU forum/MVC floor with layers |"; rule+="---:|---:|---:|"; }
[ "$BALANCER" = true ] && { head+=" CPU monolith via HAProxy/monolith | CPU posts service/monolith, both via HAProxy |"; rule+="---:|---:|"; }
echo "$head"; echo "$rule"
for route in "${ROUTES[@]}"; do
  f_cpu=$(med "$route" forum cpu_us)
  row="| \`GET $route\` | $(ratio "$(med "$route" forum rps)" "$(med "$route" sample rps)") | $(ratio "$(med "$route" forum p99_ms)" "$(med "$route" sample p99_ms)") | $(ratio "$f_cpu" "$(med "$route" sample cpu_us)") | $(ratio "$f_cpu" "$(med "$route" floor cpu_us)") | $(ratio "$(med "$route" mvc cpu_us)" "$(med "$route" sample cpu_us)") | $(ratio "$f_cpu" "$(med "$route" mvc cpu_us)") |"
  [ "$WEBFLUX" = true ] && row+=" $(ratio "$(med "$route" flux-event cpu_us)" "$(med "$route" sample cpu_us)") | $(ratio "$(med "$route" flux-virtual cpu_us)" "$(med "$route" sample cpu_us)") |"
  [ "$LAYERED" = true ] && row+=" $(ratio "$(med "$route" mvc-layers cpu_us)" "$(med "$route" sample cpu_us)") | $(ratio "$(med "$route" flux-layers cpu_us)" "$(med "$route" sample cpu_us)") | $(ratio "$f_cpu" "$(med "$route" mvc-layers cpu_us)") |"
  [ "$BALANCER" = true ] && { if serves posts "$route"; then
    row+=" $(ratio "$(med "$route" lb cpu_us)" "$f_cpu") | $(ratio "$(med "$route" posts cpu_us)" "$(med "$route" lb cpu_us)") |"
  else row+=" | |"; fi; }
  echo "$row"
done
echo
echo "The kernel's part (system CPU: system calls, loopback TCP, switches between threads), medians as above$([ "$SYSCALLS" = false ] || echo "; system calls and context switches counted by \`perf stat -p\` over each run"):"
echo
head="| route | server | CPU µs/req | system CPU µs/req | system share |"; rule="|---|---|---:|---:|---:|"
[ "$SYSCALLS" = true ] && { head+=" system calls/req | context switches/req |"; rule+="---:|---:|"; }
echo "$head"; echo "$rule"
for route in "${ROUTES[@]}"; do
  for s in "${SERVERS[@]}"; do
    serves "$s" "$route" || continue
    row="| \`GET $route\` | ${LABEL[$s]} | $(round "$(med "$route" "$s" cpu_us)") | $(round "$(med "$route" "$s" sys_us)") | $(ratio "$(med "$route" "$s" sys_us)" "$(med "$route" "$s" cpu_us)") |"
    [ "$SYSCALLS" = true ] && row+=" $(med "$route" "$s" calls) | $(med "$route" "$s" switches) |"
    echo "$row"
  done
done
echo
rss=""; for s in "${SERVERS[@]}"; do [ "$s" = lb ] || rss+="${rss:+, }$s $(rss_mib "${PID[$s]}") MiB"; done
echo "RSS after the runs: $rss. Forum ready in $FORUM_READY ms; access log lines written: forum $(wc -l <"$WORK/forum.log"), sample $(wc -l <"$WORK/sample.log")$([ "$LAYERED" = false ] || echo ", Spring MVC floor with layers $(wc -l <"$WORK/mvc-layers.log"), Spring WebFlux floor with layers $(wc -l <"$WORK/flux-layers.log")")."
