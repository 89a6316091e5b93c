#!/usr/bin/env bash
# Adds the test users to the application realm of the unpacked WildFly (idempotent).
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
