#!/usr/bin/env bash
# Install Debian's Redis and start it on 127.0.0.1:6379 for the shared rate-limit tests (COACH_RATE_LIMIT_STORAGE).
# Idempotent: safe to run again where it already runs. Needs root (CI runs as root). No service manager needed:
# redis-server daemonizes itself, binds loopback only, and keeps nothing on disk.
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no \
        --logfile /tmp/coach-redis.log
fi
for _ in $(seq 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -h 127.0.0.1 -p 6379 ping
