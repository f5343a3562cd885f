#!/usr/bin/env bash
# Where start-up time goes: one start of the monolith or the posts service (extracted layout, with the JDK's AOT
# cache unless --no-aot), recorded by Java Flight Recorder (its default settings; the recording itself slows start-up) with Spring's start-up steps as events
# (-Dforum.startup.jfr=true). Prints the phases from JVM start to ready, and the slowest steps and beans by their
# own time (a step's time less its sub-steps').
#
#   bench/startup-profile.sh [--service monolith|posts] [--no-aot] [--top N]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SERVICE=monolith; AOT=true; TOP=15; APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --service) SERVICE="$2"; shift 2 ;;
    --no-aot) AOT=false; shift ;;
    --top) TOP="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
case "$SERVICE" in
  monolith) JAR="$(monolith_jar)" ;;
  posts)
    JAR="$(service_jar posts || true)"
    if [ -z "$JAR" ]; then JAR="$(monolith_jar)"; APP_ARGS=(--extraction.topology.local-modules=posts); fi
    APP_ARGS+=(--extraction.topology.remote-base-url=http://127.0.0.1:9) ;;
  *) echo "--service takes monolith or posts, not $SERVICE" >&2; exit 2 ;;
esac
[ -f "$JAR" ] || { echo "no jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'stop_all; rm -rf "$WORK"' EXIT
extract_jar "$JAR" "$WORK/app"
APP="$WORK/app/$(basename "$JAR")"
CACHE=()
if [ "$AOT" = true ]; then
  train_aot_cache "$WORK/app.aot" "$WORK/training.log" -jar "$APP" "${APP_ARGS[@]}"
  CACHE=(-XX:AOTCache="$WORK/app.aot")
fi

PORT=$(free_port)
start_java "$WORK/run.log" "${CACHE[@]}" -XX:StartFlightRecording=filename="$WORK/startup.jfr" \
  -Dforum.startup.jfr=true -jar "$APP" --server.port="$PORT" "${APP_ARGS[@]}"
READY_MS=$(wait_ready "$PORT") || { tail -20 "$WORK/run.log" >&2; exit 1; }
stop "$STARTED_PID"
"$JAVA_HOME_25/bin/jfr" print --json --events FlightRecorderStartupEvent "$WORK/startup.jfr" > "$WORK/steps.json"

echo "$SERVICE ($(basename "$JAR")), $([ "$AOT" = true ] && echo "with the AOT cache" || echo "no AOT cache"), JFR on; ready in $READY_MS ms; $(machine)"
echo
python3 - "$WORK/run.log" "$WORK/steps.json" "$READY_MS" "$TOP" <<'PY'
import json, sys
from datetime import datetime

log, steps_file, ready_ms, top = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def ts(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000

# Phases, from the JSON log lines: the JVM's start is the Started line's timestamp less its "process running for".
lines = []
for raw in open(log):
    try:
        entry = json.loads(raw)
    except ValueError:
        continue
    lines.append((ts(entry["@timestamp"]), entry.get("message", "")))
started = next((t, m) for t, m in lines if m.startswith("Started "))
jvm_start = started[0] - float(started[1].split("process running for ")[1].rstrip(")")) * 1000
first_log = lines[0][0]
warmed = next((t for t, m in lines if m.startswith("Warmed up")), started[0])
phases = [("JVM start to the first log line (JVM, class loading, logging)", first_log - jvm_start),
          ("first log line to started (Spring context, web server, databases)", started[0] - first_log),
          ("started to warmed up (extraction.warm-up.rounds)", warmed - started[0]),
          ("to ready, as the poller saw it (readiness, poll interval)", None)]
print("| phase | ms |")
print("|---|---:|")
for name, ms in phases:
    print(f"| {name} | {ms:.0f} |" if ms is not None else f"| {name} | {ready_ms - (warmed - jvm_start):.0f} |")
print(f"| **JVM start to ready** | **{ready_ms}** |")
print()

# Spring's steps: own time = duration less the durations of the direct sub-steps.
events = json.loads(open(steps_file).read())["recording"]["events"]
def millis(duration):  # ISO-8601 duration such as "PT0.0123S"
    return float(duration[2:-1]) * 1000 if duration.startswith("PT") and duration.endswith("S") else 0.0
steps = {}
for e in events:
    v = e["values"]
    steps[v["eventId"]] = {"name": v["name"], "tags": v.get("tags") or "", "parent": v["parentId"],
                           "ms": millis(e["values"].get("duration", "PT0S"))}
children = {}
for id_, s in steps.items():
    children.setdefault(s["parent"], []).append(id_)
for id_, s in steps.items():
    s["own"] = s["ms"] - sum(steps[c]["ms"] for c in children.get(id_, []))

by_name = {}
for s in steps.values():
    by_name.setdefault(s["name"], [0.0, 0])
    by_name[s["name"]][0] += s["own"]; by_name[s["name"]][1] += 1
print("| Spring start-up step | own ms (sum) | count |")
print("|---|---:|---:|")
for name, (ms, n) in sorted(by_name.items(), key=lambda kv: -kv[1][0])[:top]:
    print(f"| `{name}` | {ms:.0f} | {n} |")
print()
def bean(tags):  # "beanName=x,beanType=..." -> x
    return tags.split("beanName=", 1)[1].split(",", 1)[0] if "beanName=" in tags else tags
beans = sorted((s for s in steps.values() if s["name"] == "spring.beans.instantiate"), key=lambda s: -s["own"])[:top]
print("| bean (own instantiation time) | ms |")
print("|---|---:|")
for s in beans:
    print(f"| `{bean(s['tags'])}` | {s['own']:.0f} |")
PY
