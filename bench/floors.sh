# shellcheck shell=bash
# The floors of bench/side-by-side.sh: servers that answer the forum's own bytes (captured from it by
# capture_routes) with none of its layers, so the forum's cost can be split into its web stack's and its own.
# Sourced by side-by-side.sh after lib.sh; each start_* function starts one with side-by-side's `serve` (pinned
# to the servers' CPU), waits until it answers the first route and sets STARTED_PID. Files go under $WORK.

# capture_routes URL ROUTE...: each route's body and Content-Type from the forum at URL, into
# $WORK/floor/routes.tsv (FloorServer.java's routes file: path, Content-Type, body file; tab-separated).
capture_routes() {
  local url="$1" i type; shift
  local routes=("$@")
  mkdir -p "$WORK/floor"; : >"$WORK/floor/routes.tsv"
  for i in "${!routes[@]}"; do
    type=$(curl -fsS -o "$WORK/floor/$i.body" -w '%{content_type}' "$url${routes[$i]}")
    printf '%s\t%s\t%s\n' "${routes[$i]}" "$type" "$WORK/floor/$i.body" >>"$WORK/floor/routes.tsv"
  done
}

# floor_ready NAME PORT LOG PATH: waits (up to 120 s) for the floor's answer on PATH, else prints its log's end.
floor_ready() {
  wait_http "http://127.0.0.1:$2$4" 120 >/dev/null || { tail -20 "$3" >&2; echo "the $1 did not start" >&2; exit 1; }
}

# start_jdk_floor PORT: the JDK's HTTP server on virtual threads (bench/FloorServer.java).
start_jdk_floor() {
  serve floor "$WORK/floor.log" "$JAVA" "$BENCH/FloorServer.java" "$1" "$WORK/floor/routes.tsv"
  floor_ready "JDK floor" "$1" "$WORK/floor.log" "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}

# start_mvc_floor JAR PORT JVM_FLAG...: the forum's own Tomcat and Spring MVC (bench/SpringMvcFloor.java), on the
# monolith jar's libraries without the forum's jars.
start_mvc_floor() {
  local jar="$1" port="$2" lib; shift 2
  extract_jar "$jar" "$WORK/extracted"; mkdir -p "$WORK/mvc-floor/lib" "$WORK/mvc-floor/classes"
  for lib in "$WORK"/extracted/lib/*.jar; do [[ $(basename "$lib") == forum-* ]] || ln -s "$lib" "$WORK/mvc-floor/lib/"; done
  "$JAVA_HOME_25/bin/javac" -nowarn -cp "$WORK/mvc-floor/lib/*" -d "$WORK/mvc-floor/classes" "$BENCH/SpringMvcFloor.java" \
    "$BENCH/FloorServer.java" || { echo "bench/SpringMvcFloor.java does not compile against the monolith jar's libraries" >&2; exit 1; }
  serve mvc "$WORK/mvc-floor.log" "$JAVA" "$@" -cp "$WORK/mvc-floor/classes:$WORK/mvc-floor/lib/*" SpringMvcFloor \
    "$port" "$WORK/floor/routes.tsv"
  floor_ready "Spring MVC floor" "$port" "$WORK/mvc-floor.log" "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}

# start_webflux_floor NAME MODE PORT JVM_FLAG...: Spring WebFlux on Reactor Netty (bench/SpringWebFluxFloor.java),
# its libraries copied once from Maven by bench/webflux-floor/pom.xml (the forum's Spring Boot); MODE is
# event-loop or virtual-threads (where its controller runs).
start_webflux_floor() {
  local name="$1" mode="$2" port="$3"; shift 3
  if [ ! -d "$WORK/webflux-floor/classes" ]; then
    mkdir -p "$WORK/webflux-floor/classes"
    "$ROOT/mvnw" -q -f "$BENCH/webflux-floor/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$WORK/webflux-floor/lib" >"$WORK/webflux-floor/mvn.log" 2>&1 \
      || { tail -20 "$WORK/webflux-floor/mvn.log" >&2; echo "cannot copy the Spring WebFlux floor's libraries" >&2; exit 1; }
    "$JAVA_HOME_25/bin/javac" -nowarn -cp "$WORK/webflux-floor/lib/*" -d "$WORK/webflux-floor/classes" \
      "$BENCH/SpringWebFluxFloor.java" "$BENCH/FloorServer.java" \
      || { echo "bench/SpringWebFluxFloor.java does not compile against its libraries" >&2; exit 1; }
  fi
  serve "$name" "$WORK/$name.log" "$JAVA" "$@" -cp "$WORK/webflux-floor/classes:$WORK/webflux-floor/lib/*" \
    SpringWebFluxFloor "$port" "$WORK/floor/routes.tsv" "$mode"
  floor_ready "Spring WebFlux floor ($mode)" "$port" "$WORK/$name.log" "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}
