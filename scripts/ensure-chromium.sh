#!/usr/bin/env bash
# Finds a headless-capable Chromium for the browser tests, installing Debian's chromium package
# when it is missing and this user may (root with apt-get), and writes its path into the file
# named by the first argument (or prints it when there is none). Progress goes to stderr. Exits 1
# with a message when there is none and it cannot be installed.
set -euo pipefail
out="${1:-/dev/stdout}"
found() {
  printf '%s\n' "$1" > "$out"
  exit 0
}
for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    found "$candidate"
  fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian's chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium chromium-driver >&2
  if [ -x /usr/bin/chromium ]; then
    found /usr/bin/chromium
  fi
  echo "ensure-chromium: apt-get installed chromium, but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: no Chromium found and cannot install one (needs root and apt-get); set CHROMIUM to its path" >&2
exit 1
