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
  # Its own folder: $WORK/mvc-floor is the layered floor's (floor_libs), on other libraries.
  extract_jar "$jar" "$WORK/extracted"; mkdir -p "$WORK/mvc-plain/lib" "$WORK/mvc-plain/classes"
  for lib in "$WORK"/extracted/lib/*.jar; do [[ $(basename "$lib") == forum-* ]] || ln -s "$lib" "$WORK/mvc-plain/lib/"; done
  "$JAVA_HOME_25/bin/javac" -nowarn -cp "$WORK/mvc-plain/lib/*" -d "$WORK/mvc-plain/classes" "$BENCH/SpringMvcFloor.java" \
    "$BENCH/MvcLayers.java" "$BENCH/FloorServer.java" \
    || { echo "bench/SpringMvcFloor.java does not compile against the monolith jar's libraries" >&2; exit 1; }
  serve mvc "$WORK/mvc-floor.log" "$JAVA" "$@" -cp "$WORK/mvc-plain/classes:$WORK/mvc-plain/lib/*" SpringMvcFloor \
    "$port" "$WORK/floor/routes.tsv"
  floor_ready "Spring MVC floor" "$port" "$WORK/mvc-floor.log" "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}

# floor_libs NAME: copies once the libraries of bench/NAME/pom.xml (the forum's Spring Boot) to $WORK/NAME/lib and
# compiles the floor's sources given after NAME into $WORK/NAME/classes.
floor_libs() {
  local name="$1"; shift
  [ ! -d "$WORK/$name/classes" ] || return 0
  mkdir -p "$WORK/$name/classes"
  "$ROOT/mvnw" -q -f "$BENCH/$name/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/$name/lib" \
    >"$WORK/$name/mvn.log" 2>&1 || { tail -20 "$WORK/$name/mvn.log" >&2; echo "cannot copy bench/$name/pom.xml's libraries" >&2; exit 1; }
  "$JAVA_HOME_25/bin/javac" -nowarn -cp "$WORK/$name/lib/*" -d "$WORK/$name/classes" "$@" "$BENCH/FloorServer.java" \
    || { echo "$* do not compile against bench/$name/pom.xml's libraries" >&2; exit 1; }
}

# start_webflux_floor NAME MODE PORT JVM_FLAG...: Spring WebFlux on Reactor Netty (bench/SpringWebFluxFloor.java),
# its libraries copied once from Maven by bench/webflux-floor/pom.xml (the forum's Spring Boot); MODE is
# event-loop or virtual-threads (where its controller runs). With FLOOR_LAYERS=layers in the environment, the
# forum's kind of layers run too (bench/WebFluxLayers.java).
start_webflux_floor() {
  local name="$1" mode="$2" port="$3"; shift 3
  floor_libs webflux-floor "$BENCH/SpringWebFluxFloor.java" "$BENCH/WebFluxLayers.java"
  serve "$name" "$WORK/$name.log" "$JAVA" "$@" -cp "$WORK/webflux-floor/classes:$WORK/webflux-floor/lib/*" \
    SpringWebFluxFloor "$port" "$WORK/floor/routes.tsv" "$mode" ${FLOOR_LAYERS:-}
  floor_ready "Spring WebFlux floor ($mode${FLOOR_LAYERS:+, $FLOOR_LAYERS})" "$port" "$WORK/$name.log" \
    "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}

# start_layered_mvc_floor PORT JVM_FLAG...: the Spring MVC floor with the forum's kind of layers
# (bench/MvcLayers.java) on bench/mvc-floor/pom.xml's libraries, its log lines as bench/logback-ecs.xml writes them.
start_layered_mvc_floor() {
  local port="$1"; shift
  floor_libs mvc-floor "$BENCH/SpringMvcFloor.java" "$BENCH/MvcLayers.java"
  serve mvc-layers "$WORK/mvc-layers.log" "$JAVA" "$@" -Dlogging.config="$BENCH/logback-ecs.xml" \
    -cp "$WORK/mvc-floor/classes:$WORK/mvc-floor/lib/*" SpringMvcFloor "$port" "$WORK/floor/routes.tsv" layers
  floor_ready "layered Spring MVC floor" "$port" "$WORK/mvc-layers.log" "$(cut -f1 "$WORK/floor/routes.tsv" | head -1)"
}

# start_layered_webflux_floor PORT JVM_FLAG...: the Spring WebFlux floor on virtual threads with the same layers
# (bench/WebFluxLayers.java), its log lines as bench/logback-ecs.xml writes them.
start_layered_webflux_floor() {
  local port="$1"; shift
  FLOOR_LAYERS=layers start_webflux_floor flux-layers virtual-threads "$port" "$@" -Dlogging.config="$BENCH/logback-ecs.xml"
}
