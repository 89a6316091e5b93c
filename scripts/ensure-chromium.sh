#!/usr/bin/env bash
# Finds a headless-capable Chromium and its WebDriver (chromedriver) for the browser tests,
# installing Debian's chromium and chromium-driver packages when either is missing and this user
# may (root with apt-get), and writes both paths as properties into the file named by the first
# argument (or prints them when there is none):
#   chromium=/usr/bin/chromium
#   chromedriver=/usr/bin/chromedriver
# Nothing is downloaded at test time: Selenium is given both paths. Progress goes to stderr. Exits 1
# with a message when either is missing and cannot be installed.
set -euo pipefail
out="${1:-/dev/stdout}"

first_executable() {
  local candidate
  for candidate in "$@"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}
find_browser() { first_executable "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; }
find_driver() { first_executable "${CHROMEDRIVER:-}" /usr/bin/chromedriver /usr/lib/chromium/chromedriver; }

if ! find_browser >/dev/null || ! find_driver >/dev/null; then
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
  fi
fi
if ! browser=$(find_browser); then
  echo "ensure-chromium: no Chromium found and none could be installed (needs root and apt-get); set CHROMIUM to its path" >&2
  exit 1
fi
if ! driver=$(find_driver); then
  echo "ensure-chromium: no chromedriver found and none could be installed (needs root and apt-get); set CHROMEDRIVER to its path" >&2
  exit 1
fi
printf 'chromium=%s\nchromedriver=%s\n' "$browser" "$driver" > "$out"
