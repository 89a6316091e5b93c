#!/usr/bin/env bash
# Runs every benchmark and writes docs/benchmarks.md (tables, PNG plots, raw results):
#   bench/run.sh                         # full run, about 32 minutes on 2 cores
#   DURATION=3 CONNECTIONS="100 1000" bench/run.sh   # a quicker, rougher run
# Traffic goes to loopback only; every load step is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-"100 1000 5000"}
IN_FLIGHT=${IN_FLIGHT:-10000}
FIXED_RATE=${FIXED_RATE:-5000}       # req/s offered by hey to the 100 ms resource
FIXED_CONNECTIONS=${FIXED_CONNECTIONS:-1000}
PROFILE_SECONDS=${PROFILE_SECONDS:-5}
P1_ROUNDS=${P1_ROUNDS:-5}
P2_ROUNDS=${P2_ROUNDS:-7}
P2_SECONDS=${P2_SECONDS:-5}
KNEE_STEPS=${KNEE_STEPS:-"1000 1500 2000 2500 3000 4000 5000"}
P5_CONNECTIONS=${P5_CONNECTIONS:-"200 1000"}
P5_ROUNDS=${P5_ROUNDS:-3}
P5_WARM=${P5_WARM:-30}
P4_ROUNDS=${P4_ROUNDS:-5}        # JMH runs of every P4 benchmark, about a minute each
P4_ONE_CORE_ROUNDS=${P4_ONE_CORE_ROUNDS:-3}   # the same, the JVM pinned to one core (taskset)
results=bench/target/results

. bench/lib.sh
need wrk wrk
need hey hey
need gnuplot gnuplot-nox
need curl curl
build_bench
rm -rf "$results" && mkdir -p "$results"
start_server "$results/server.log"

url() { # variant, milliseconds
  variant_url "$plain" "$aio" "$1" "$2"
}
variants="plain-blocking plain-stage coroutine greenlet-sleep greenlet-await executor"
stats() { # variant: the stats resource of the server it runs on
  case "$1" in plain-blocking | plain-stage) echo "${plain}stats" ;; *) echo "${aio}stats" ;; esac
}

steady_window() { # stats URL, output file: the server's count of answered requests and its clock at a
  # fifth of a wrk run and at nine tenths (started with the run), from which the report takes the
  # server's steady throughput, without wrk's start (connecting) and end (requests left in flight)
  local wait_start wait_end
  wait_start=$(awk -v d="$DURATION" 'BEGIN { print d / 5 }')
  wait_end=$(awk -v d="$DURATION" 'BEGIN { print d * 0.9 - d / 5 }')
  sleep "$wait_start"
  echo "start=$(curl -s --max-time 5 "$1")" > "$2"
  sleep "$wait_end"
  echo "end=$(curl -s --max-time 5 "$1")" >> "$2"
}
jdk_bin=$(dirname "$java")

settle() { # waits until the server is idle (under 10 % of a core for a second, at most 30 s), so that
  # the backlog a run leaves behind (answers to connections wrk has closed) costs the next run nothing
  local ticks before after
  ticks=$(getconf CLK_TCK)
  for _ in $(seq 1 30); do
    before=$(awk '{print $14 + $15}' "/proc/$server/stat")
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$server/stat")
    [ $((after - before)) -lt $((ticks / 10)) ] && return 0
  done
}

drain() { # variant: a thread-bound variant leaves its pool a backlog of sleeping requests that costs no
  # CPU, so settle does not see it; one more request through the same first-in-first-out queue comes
  # back once the backlog has gone (plain-stage shares the plain server's worker pool)
  case "$1" in plain-blocking|executor)
    curl -s -o /dev/null --max-time 120 "$(url "$1" 0)" || true ;;
  esac
}

warm() { # variants: 3 s on the trivial path; the asynchronous ones also 5 s at 1,000 connections on the 100 ms path
  local v
  for v in "$@"; do
    wrk -t2 -c100 -d3s "$(url "$v" 0)" >/dev/null
    case "$v" in plain-stage|coroutine|greenlet-sleep|greenlet-await)
      wrk -t2 -c1000 -d5s --timeout 10s "$(url "$v" 100)" >/dev/null ;;
    esac
    settle
  done
}

# P3: 10,000 requests in flight, each variant after a warm-up of its own. The mapped variants come
# first, before any executor thread or plain worker thread exists, so that the thread count is the
# Aiojakarta server's own (EXECUTOR is warmed up last); then plain RESTEasy's CompletionStage on the
# baseline server. The heap is read through the server that is not under load (both share the JVM).
heap() { echo "$1" | sed -n 's/.*"heapBytes":\([0-9]*\).*/\1/p'; }
p3() { # variant, stats URL
  local v=$1 before during load wait_s samples=()
  echo "P3 $v, $IN_FLIGHT in flight" >&2
  before=$(curl -s "$2?gc=true")
  "$jdk_bin/jcmd" "$server" GC.class_histogram > "$results/p3-histogram-before-$v.txt"
  wrk -t2 -c"$IN_FLIGHT" -d20s --timeout 10s "$(url "$v" 1000)" > "$results/p3_wrk_$v.txt" &
  load=$!
  for wait_s in 8 3 3; do # 8, 11 and 14 s into the load; the median sample counts
    sleep "$wait_s"
    during=$(curl -s "$2?gc=true")
    samples+=("$(heap "$during")")
    if [ "${#samples[@]}" = 2 ]; then # what the heap holds, right after the middle sample's full GC
      "$jdk_bin/jcmd" "$server" GC.class_histogram > "$results/p3-histogram-during-$v.txt"
      sed -n '2,25p' "$results/p3-histogram-during-$v.txt" > "$results/p3-class-histogram-$v.txt"
    fi
  done
  wait "$load"
  {
    echo "inFlight=$IN_FLIGHT"
    echo "heapBeforeBytes=$(heap "$before")"
    echo "heapDuringSamples=${samples[*]}"
    echo "heapDuringBytes=$(printf '%s\n' "${samples[@]}" | sort -n | sed -n 2p)"
    echo "threadsDuring=$(echo "$during" | sed -n 's/.*"threads":\([0-9]*\).*/\1/p')"
  } > "$results/p3_$v.properties"
  settle
}
echo "warming up the mapped variants" >&2
warm coroutine greenlet-sleep greenlet-await
p3 coroutine "${plain}stats"
p3 greenlet-sleep "${plain}stats"
echo "warming up the baselines" >&2
warm plain-blocking plain-stage
p3 plain-stage "${aio}stats"
warm executor

# P1; at 1,000 connections, where the target is, the asynchronous variants run in rounds, taking
# turns, and the report keeps each one's median run (the thread-bound ones, far from it, run once)
for c in $CONNECTIONS; do
  rounds=1
  [ "$c" = 1000 ] && rounds=$P1_ROUNDS
  for round in $(seq 1 "$rounds"); do
    for v in $variants; do
      if [ "$round" -gt 1 ] && { [ "$v" = plain-blocking ] || [ "$v" = executor ]; }; then continue; fi
      echo "P1 $v at $c connections, round $round" >&2
      steady_window "$(stats "$v")" "$results/p1_${v}_${c}_r${round}.window" &
      window=$!
      wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s --latency "$(url "$v" 100)" > "$results/p1_${v}_${c}_r${round}.txt"
      wait "$window"
      drain "$v"
      settle
    done
  done
done

echo "rate=$FIXED_RATE" > "$results/fixed.properties"
echo "connections=$FIXED_CONNECTIONS" >> "$results/fixed.properties"
for v in plain-stage coroutine greenlet-sleep greenlet-await executor; do
  echo "P1 $v at a fixed $FIXED_RATE req/s" >&2
  hey -z "${DURATION}s" -c "$FIXED_CONNECTIONS" -q $((FIXED_RATE / FIXED_CONNECTIONS)) -t 10 "$(url "$v" 100)" > "$results/fixed_${v}.txt"
  settle
done

# P2 in rounds, every variant once per round, the order shifted by one each round (so that no variant
# always follows the same one): the report divides each run by the baseline's run of the same round
p2_variants=($variants plain-on-greenlets)
for round in $(seq 1 "$P2_ROUNDS"); do
  for i in "${!p2_variants[@]}"; do
    v=${p2_variants[$(( (i + round - 1) % ${#p2_variants[@]} ))]}
    echo "P2 $v, round $round" >&2
    wrk -t2 -c100 -d"${P2_SECONDS}s" --latency "$(url "$v" 0)" > "$results/p2_${v}_${round}.txt"
  done
done

# P1's knee: COROUTINE at growing connection counts until p99 exceeds twice the 100 ms delay, with
# the server's CPU during each step (share of the two cores)
ticks=$(getconf CLK_TCK)
: > "$results/knee-cpu.properties"
for c in $KNEE_STEPS; do
  echo "P1 knee, coroutine at $c connections" >&2
  before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  steady_window "$(stats coroutine)" "$results/knee_$c.window" &
  window=$!
  wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s --latency "$(url coroutine 100)" > "$results/knee_$c.txt"
  wait "$window"
  after=$(awk '{print $14 + $15}' "/proc/$server/stat")
  echo "$c=$(awk -v t="$((after - before))" -v hz="$ticks" -v d="$DURATION" 'BEGIN { printf "%.2f", t / hz / d }')" >> "$results/knee-cpu.properties"
  settle
  p99=$(sed -n 's/^ *99% *\([0-9.]*\)\(us\|ms\|s\) *$/\1 \2/p' "$results/knee_$c.txt")
  if ! awk -v v="${p99% *}" -v u="${p99#* }" 'BEGIN { ms = u == "s" ? v * 1000 : (u == "us" ? v / 1000 : v); exit !(ms <= 200) }'; then
    break
  fi
done

# P5: fan-outs of three 100 ms upstream calls through each client. The candidates are warmed up
# long enough for the JIT (the client paths are new code), then run in rounds, taking turns; the
# others, far from the target, run once
p5_candidates="jdk resteasy-sized"
for client in $p5_candidates; do
  echo "P5 warming up $client" >&2
  wrk -t2 -c200 -d"${P5_WARM}s" --timeout 10s "${aio}fanout/$client?ms=100" >/dev/null
  settle
done
for client in jaxrs-virtual jaxrs-default; do
  wrk -t2 -c100 -d3s --timeout 10s "${aio}fanout/$client?ms=1" >/dev/null
  settle
done
for round in $(seq 1 "$P5_ROUNDS"); do
  for c in $P5_CONNECTIONS; do
    for client in $p5_candidates jaxrs-virtual jaxrs-default; do
      if [ "$round" -gt 1 ] && ! [[ " $p5_candidates " == *" $client "* ]]; then continue; fi
      echo "P5 $client, $c fan-outs in flight, round $round" >&2
      wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s --latency "${aio}fanout/$client?ms=100" > "$results/p5_${client}_${c}_r${round}.txt"
      settle
    done
  done
done

# CPU profiles (async-profiler, from Maven Central), in runs of their own: the figures above were
# measured without a profiler attached
ap_jar=$(tr ':' '\n' < bench/target/classpath.txt | grep '/async-profiler-' | head -1)
case "$(uname -m)" in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; *) ap_arch= ;; esac
if [ -n "$ap_jar" ] && [ -n "$ap_arch" ]; then
  (cd bench/target && "$jdk_bin/jar" xf "$ap_jar" "$ap_arch/libasyncProfiler.so")
  agent="$PWD/bench/target/$ap_arch/libasyncProfiler.so"
  printf 'seconds=%s\nintervalMicros=1000\n' "$PROFILE_SECONDS" > "$results/profiles.properties"
  profile() { # name, connections, url: one sample per millisecond of server CPU
    echo "profile $1" >&2
    "$jdk_bin/jcmd" "$server" JVMTI.agent_load "$agent" '"start,event=cpu,interval=1ms"' >/dev/null
    wrk -t2 -c"$2" -d"${PROFILE_SECONDS}s" --timeout 10s --latency "$3" > "$results/profile-$1.txt"
    "$jdk_bin/jcmd" "$server" JVMTI.agent_load "$agent" "\"stop,file=$PWD/$results/profile-$1.collapsed,collapsed\"" >/dev/null
  }
  profile p2-plain-blocking 100 "$(url plain-blocking 0)"
  profile p2-plain-on-greenlets 100 "$(url plain-on-greenlets 0)"
  profile p2-coroutine 100 "$(url coroutine 0)"
  profile p2-greenlet-sleep 100 "$(url greenlet-sleep 0)"
  profile p2-executor 100 "$(url executor 0)"
  profile p1-coroutine-1000 1000 "$(url coroutine 100)"
  alloc_profile() { # name, url: every allocation's bytes, charged to the code that made it
    echo "allocation profile $1" >&2
    "$jdk_bin/jcmd" "$server" JVMTI.agent_load "$agent" '"start,event=alloc"' >/dev/null
    wrk -t2 -c100 -d"${PROFILE_SECONDS}s" --timeout 10s "$2" > "$results/alloc-$1.txt"
    "$jdk_bin/jcmd" "$server" JVMTI.agent_load "$agent" "\"stop,file=$PWD/$results/alloc-$1.collapsed,collapsed,total\"" >/dev/null
  }
  alloc_profile p2-plain-blocking "$(url plain-blocking 0)"
  alloc_profile p2-greenlet-sleep "$(url greenlet-sleep 0)"
  alloc_profile p2-coroutine "$(url coroutine 0)"
  alloc_profile p2-executor "$(url executor 0)"
else
  echo "no async-profiler for $(uname -m): the report goes without CPU profiles" >&2
fi


stop_server

# P4: rounds of every benchmark, so that each hand-off is judged against the floor measured next to it
for round in $(seq 1 "$P4_ROUNDS"); do
  echo "P4 JMH round $round" >&2
  "$java" "${flags[@]}" -cp "$classpath" org.openjdk.jmh.Main -rf json -rff "$results/jmh-$round.json" BridgeBenchmark \
    > "$results/jmh-$round.txt"
done
# P4 on one core: no idle second core to wake, so what is left is the CPU each hand-off spends
if command -v taskset >/dev/null; then
  for round in $(seq 1 "$P4_ONE_CORE_ROUNDS"); do
    echo "P4 JMH round $round on one core" >&2
    taskset -c 0 "$java" "${flags[@]}" -cp "$classpath" org.openjdk.jmh.Main -e jdkSpinningHandOff \
      -rf json -rff "$results/jmh-one-core-$round.json" BridgeBenchmark > "$results/jmh-one-core-$round.txt"
  done
else
  echo "no taskset: P4 goes without its one-core rounds" >&2
fi

{
  echo "cores: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $("$java" -version 2>&1 | head -1)"
  echo "load generators: $(wrk -v 2>&1 | head -1); hey (Debian $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo 'version unknown'))"
  echo "server: -Xmx1g; event loop 1 thread; executor 150 threads; at most 20,000 greenlets; Undertow defaults (2 I/O threads, 16 workers)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
} > "$results/machine.txt"

"$java" -cp "$classpath" io.aiojakarta.bench.BenchReport "$results" docs
