#!/usr/bin/env bash
# Gives the unpacked GlassFish virtual HTTP request threads (idempotent): each request's own thread
# is then its greenlet (see docs/servers.md). The same as
#   asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.virtual=true
set -euo pipefail
domain="$1/glassfish/domains/domain1/config/domain.xml"
sed -i 's#<thread-pool name="http-thread-pool"/>#<thread-pool name="http-thread-pool" virtual="true"/>#' "$domain"
# GlassFish rewrites the file with its own attribute order once it has run
grep 'name="http-thread-pool"' "$domain" | grep '<thread-pool ' | grep -q 'virtual="true"'
