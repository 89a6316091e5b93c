#!/usr/bin/env bash
# Adds the test users to the application realm of the unpacked WildFly, and the application security
# domain of the Jakarta Security tests (idempotent).
set -euo pipefail
home=$1
config="$home/standalone/configuration"
add() {
  local user=$1 password=$2 groups=$3
  if ! grep -q "^$user=" "$config/application-users.properties"; then
    "$home/bin/add-user.sh" -a -u "$user" -p "$password" -g "$groups" -sc "$config" -s
  fi
}
add alice 'alice-Secret-1' 'admin,user'
add bob 'bob-Secret-1' 'user'

# Jakarta Security's own authentication mechanisms and identity stores (not the realm's): an
# application security domain with integrated JASPI off, which a deployment names in jboss-web.xml
standalone="$config/standalone.xml"
if ! grep -q 'application-security-domain name="async-directory"' "$standalone"; then
  # the undertow subsystem's list, the last of the two in the file
  line=$(grep -n '<application-security-domain name="other" security-domain="ApplicationDomain"/>' "$standalone" | tail -1 | cut -d: -f1)
  sed -i "${line}a\                <application-security-domain name=\"async-directory\" security-domain=\"ApplicationDomain\" integrated-jaspi=\"false\"/>" "$standalone"
fi
