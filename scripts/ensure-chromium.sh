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
  # only the browser and its driver, none of the recommended extras (udev, avahi, ...); apt's own
  # output goes to a log file, and only its tail is shown when it fails
  log="${TMPDIR:-/tmp}/ensure-chromium-apt.log"
  echo "ensure-chromium: installing Debian's chromium and chromium-driver (apt's output: $log)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; } > "$log" 2>&1; then
    echo "ensure-chromium: apt-get failed; the end of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  if [ -x /usr/bin/chromium ]; then
    found /usr/bin/chromium
  fi
  echo "ensure-chromium: apt-get installed chromium, but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: no Chromium found and cannot install one (needs root and apt-get); set CHROMIUM to its path" >&2
exit 1
