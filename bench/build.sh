#!/usr/bin/env bash
# Wall time of `./mvnw -Pextract=posts package -DskipTests`, warm (a first run fills the caches and is not
# counted) and offline (-o: nothing is resolved over the network), several runs, median.
#
#   bench/build.sh [--runs N] [--base tar:///abs/path/jre-25.tar] [-- MORE_MAVEN_ARGS...]
#
# Without --base the image is skipped (-Dextract.image=false): the default base, eclipse-temurin:25-jre, needs
# Docker Hub. With --base the posts image tar is built too, on that base.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3; BASE=""; MORE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    --) shift; MORE=("$@"); break ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
ARGS=(-o -q -B -ntp package -DskipTests -Pextract=posts)
if [ -n "$BASE" ]; then ARGS+=(-Dextract.image.base="$BASE"); else ARGS+=(-Dextract.image=false); fi
ARGS+=("${MORE[@]}")
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

run() {
  local start; start=$(date +%s%N)
  ./mvnw "${ARGS[@]}" >"$LOG" 2>&1 || { tail -30 "$LOG" >&2; exit 1; }
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
run >/dev/null # warm-up: not counted
times=()
for _ in $(seq "$RUNS"); do times+=("$(run)"); done
echo "./mvnw ${ARGS[*]}"
echo "$(machine)"
echo "| build | wall ms (median) | all runs |"
echo "|---|---:|---|"
echo "| extract posts, warm, offline$([ -n "$BASE" ] && echo ", with its image" || echo ", no image") | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -g | tr '\n' ' ')|"
