# shellcheck shell=bash
# Sourced by benchmark scripts: starts the local PostgreSQL cluster if it is down (and stops it again on exit),
# creates a throw-away database and role, and sets PG_URL, PG_USER, PG_PASSWORD for the script that sources it.
# shellcheck disable=SC2034

postgres_up() {
  local cluster version port
  read -r version cluster port _ < <(pg_lsclusters -h | head -1)
  PG_STARTED_HERE=false
  if ! pg_lsclusters -h | head -1 | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start
    PG_STARTED_HERE=true
  fi
  PG_VERSION=$version; PG_CLUSTER=$cluster
  PG_USER=forum_bench; PG_PASSWORD=forum_bench; PG_DB="forum_bench_$$"
  runuser -u postgres -- psql -q -p "$port" -c "DROP ROLE IF EXISTS $PG_USER" 2>/dev/null || true
  runuser -u postgres -- psql -q -p "$port" -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
  runuser -u postgres -- psql -q -p "$port" -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
  PG_PORT=$port
  PG_URL="jdbc:postgresql://127.0.0.1:$port/$PG_DB"
  trap 'stop_all; postgres_down' EXIT
}

postgres_down() {
  runuser -u postgres -- psql -q -p "$PG_PORT" -c "DROP DATABASE IF EXISTS $PG_DB" || true
  runuser -u postgres -- psql -q -p "$PG_PORT" -c "DROP ROLE IF EXISTS $PG_USER" || true
  if [ "$PG_STARTED_HERE" = true ]; then pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop; fi
}
