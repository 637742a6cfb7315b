#!/usr/bin/env bash
# Install Debian's PostgreSQL, start it on 127.0.0.1:5432, and create the role and database the storage tests use.
# Idempotent: safe to run again on a machine where it already ran. Needs root (CI runs as root).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q .; then
    pg_createcluster "$version" main
fi
read -r cluster_version cluster_name _port status _rest < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
    pg_ctlcluster "$cluster_version" "$cluster_name" start
fi
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -h 127.0.0.1
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'coach'")" = "1" ] \
    || psql_admin "CREATE ROLE coach LOGIN PASSWORD 'coach'"
[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'coach_test'")" = "1" ] \
    || psql_admin "CREATE DATABASE coach_test OWNER coach"
