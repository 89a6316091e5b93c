#!/usr/bin/env bash
# Gives the unpacked GlassFish virtual HTTP request threads (idempotent): each request's own thread
# is then its greenlet (see docs/servers.md). The same as
#   asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.virtual=true
set -euo pipefail
domain="$1/glassfish/domains/domain1/config/domain.xml"
# the distribution writes <thread-pool name="http-thread-pool" max-queue-size="4096"></thread-pool>,
# GlassFish itself rewrites it later in its own form: mark whichever form is there, once
sed -i '/<thread-pool [^>]*name="http-thread-pool"/{/virtual=/!s#<thread-pool #<thread-pool virtual="true" #}' "$domain"
# the check, whichever form the file is in
grep 'name="http-thread-pool"' "$domain" | grep '<thread-pool ' | grep -q 'virtual="true"'
