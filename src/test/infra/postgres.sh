#!/usr/bin/env bash
# Gives the production test suite an empty PostgreSQL database: postgres.sh DATABASE
# Connects with the libpq environment (PGHOST, PGPORT, PGUSER), by default the local server as user postgres.
set -euo pipefail
database="${1:?usage: postgres.sh DATABASE}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

psql -v ON_ERROR_STOP=1 -q -d postgres \
  -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" \
  -c "CREATE DATABASE \"$database\""
