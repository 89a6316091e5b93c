# Shared by bench/run.sh and bench/soak.sh: sourced from the repository root.
# Builds the bench module, finds the JDK, starts the benchmark server and sets $plain and $aio.

need() { # command, Debian package
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2 || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2; }
  else
    echo "$0: $1 is missing (Debian package $2)" >&2
    exit 1
  fi
}

build_bench() {
  ./with-jdk ./mvnw -B -q -pl bench -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
  java="$(./with-jdk bash -c 'echo "$JAVA_HOME"')/bin/java"
  flags=(-Xms1g -Xmx1g)
  local feature
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  if [ "${feature:-0}" -ge 23 ]; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
  ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
}

start_server() { # log file
  "$java" "${flags[@]}" -cp "$classpath" io.aiojakarta.bench.BenchServer > "$1" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do grep -q '^aio=' "$1" && break; sleep 0.5; done
  plain=$(sed -n 's/^plain=//p' "$1")
  aio=$(sed -n 's/^aio=//p' "$1")
  [ -n "$plain" ] && [ -n "$aio" ] || { echo "$0: the benchmark server did not start" >&2; cat "$1" >&2; exit 1; }
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true
  trap - EXIT
}

variant_url() { # baseline server's base URI, Aiojakarta server's base URI, variant, milliseconds:
  # the benchmark resource a variant runs ("plain-on-greenlets" is the plain resource on the
  # Aiojakarta server, each request on a greenlet)
  case "$3" in
    plain-blocking) echo "${1}plain/blocking?ms=$4" ;;
    plain-stage) echo "${1}plain/stage?ms=$4" ;;
    plain-on-greenlets) echo "${2}plain/blocking?ms=$4" ;;
    coroutine | greenlet-sleep | greenlet-await | executor) echo "${2}aio/$3?ms=$4" ;;
    *) echo "$0: unknown variant '$3'" >&2; return 1 ;;
  esac
}
