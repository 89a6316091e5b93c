package io.aiojakarta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the raw results of {@code bench/run.sh} into {@code docs/benchmarks.md}, PNG plots drawn
 * with gnuplot (when installed) and a copy of the raw files, with every figure as a ratio to its
 * ceiling and to the plain baseline, and each target marked met or missed by how much.
 *
 * <pre>java -cp ... io.aiojakarta.bench.BenchReport RESULTS_DIR DOCS_DIR</pre>
 */
public final class BenchReport {

    /** The variants, in table order: name, label. */
    static final List<String[]> VARIANTS = List.of(
            new String[] {"plain-blocking", "plain RESTEasy, blocking, worker pool"},
            new String[] {"plain-stage", "plain RESTEasy, CompletionStage"},
            new String[] {"coroutine", "@AsyncView COROUTINE (EventLoop.sleep)"},
            new String[] {"greenlet-sleep", "@AsyncView GREENLET (Thread.sleep)"},
            new String[] {"greenlet-await", "@AsyncView GREENLET (bridge.await)"},
            new String[] {"executor", "@AsyncView EXECUTOR (Thread.sleep)"});

    /** The P3 variants of bench/run.sh, in table order: the mapped ones, then the baseline. */
    static final List<String> P3_VARIANTS = List.of("coroutine", "greenlet-sleep", "plain-stage");

    /** The profiled runs of bench/run.sh, in table order: name, column label. */
    static final List<String[]> PROFILES = List.of(
            new String[] {"p2-plain-blocking", "P2 plain, worker pool"},
            new String[] {"p2-plain-on-greenlets", "P2 plain, greenlet server"},
            new String[] {"p2-greenlet-sleep", "P2 GREENLET"},
            new String[] {"p2-coroutine", "P2 COROUTINE"},
            new String[] {"p2-executor", "P2 EXECUTOR"},
            new String[] {"p1-coroutine-1000", "P1 COROUTINE, 1,000 conn."});

    /** The allocation-profiled runs (bench/run.sh's alloc_profile), with their column titles. */
    static final List<String[]> ALLOCATION_PROFILES = List.of(
            new String[] {"p2-plain-blocking", "P2 plain, worker pool"},
            new String[] {"p2-greenlet-sleep", "P2 GREENLET"},
            new String[] {"p2-coroutine", "P2 COROUTINE"},
            new String[] {"p2-executor", "P2 EXECUTOR"});

    /** The profiled runs whose hottest frames the report lists: those of missed targets. */
    private static final Set<String> HOTTEST_SHOWN = Set.of("p2-coroutine", "p2-executor", "p1-coroutine-1000");

    /** The P2 runs of the plain resource on the greenlet-per-request server. */
    private static final String ON_GREENLETS = "plain-on-greenlets";

    /** One P2 round's wrk output: {@code p2_<variant>_<round>.txt}. */
    private static final Pattern P2_ROUND = Pattern.compile("p2_(.+)_(\\d+)\\.txt");

    /** P2's baseline: the plain resource on the worker pool, measured in every round next to the mappers. */
    private static final String P2_BASELINE = "plain-blocking";

    /** One P1 run's wrk output: {@code p1_<variant>_<connections>.txt}, or {@code ..._r<round>.txt} for one of several rounds. */
    private static final Pattern P1_RUN = Pattern.compile("p1_(.+)_(\\d+)(?:_r\\d+)?\\.txt");

    private static final double IO_SECONDS = 0.1;

    /**
     * One P1 (or knee) run: what wrk measured over the whole run, and the server's steady window
     * ({@code <run>.window} next to wrk's output) where the run has a complete one.
     */
    private record P1Run(WrkResult wrk, Optional<SteadyWindow> window) {

        /** Reads a run's wrk output and, where there is one, its window. */
        static P1Run read(Path wrkOutput) throws IOException {
            Path window = wrkOutput.resolveSibling(wrkOutput.getFileName().toString().replaceFirst("\\.txt$", ".window"));
            return new P1Run(WrkResult.parse(Files.readString(wrkOutput)),
                    Files.exists(window) ? SteadyWindow.find(Files.readString(window)) : Optional.empty());
        }

        /** The steady window's throughput, or wrk's over the whole run where there is no window. */
        double requestsPerSecond() {
            return window.map(SteadyWindow::requestsPerSecond).orElse(wrk.requestsPerSecond());
        }
    }

    /** P5's clients, in table order: name (as in {@code fanout/{client}}), label. */
    static final List<String[]> P5_CLIENTS = List.of(
            new String[] {"jdk", "JDK `HttpClient`, non-blocking (the starter's choice)"},
            new String[] {"resteasy-sized", "RESTEasy client, pool sized for the load, `rx()` on virtual threads"},
            new String[] {"jaxrs-virtual", "Jakarta REST `ClientBuilder`, `rx()` on virtual threads (standard API only)"},
            new String[] {"jaxrs-default", "Jakarta REST `ClientBuilder.newClient()`, `rx()` (the defaults)"});

    /** A P5 run: {@code p5_<client>_<connections>_r<round>.txt}. */
    private static final Pattern P5_RUN = Pattern.compile("p5_(.+)_(\\d+)_r\\d+\\.txt");

    /** A run of the knee search: {@code knee_<connections>.txt}. */
    private static final Pattern KNEE_RUN = Pattern.compile("knee_(\\d+)\\.txt");

    private final Path results;
    private final Path docs;
    private final StringBuilder md = new StringBuilder();
    /** How many rounds the P2 runs had (the most of any variant). */
    private int p2Rounds;
    /**
     * P2's ratios to the baseline by variant: each round's run divided by the baseline's run of the
     * same round, sorted; read with the medians.
     */
    private final Map<String, List<Double>> p2Ratios = new TreeMap<>();
    /** How many rounds the P1 runs had at 1,000 connections (the most of any variant). */
    private int p1Rounds;
    /** The lowest and highest p99 of each variant's rounds at 1,000 connections. */
    private final Map<String, DoubleSummaryStatistics> p1RoundsP99 = new TreeMap<>();

    BenchReport(Path results, Path docs) {
        this.results = results;
        this.docs = docs;
    }

    /**
     * Writes the report.
     *
     * @param args the results directory and the docs directory
     * @throws Exception when a result cannot be read or the report written
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchReport RESULTS_DIR DOCS_DIR");
            System.exit(2);
        }
        Path written = new BenchReport(Path.of(args[0]), Path.of(args[1])).write();
        System.out.println("wrote " + written);
    }

    Path write() throws IOException, InterruptedException {
        Path plots = docs.resolve("bench");
        Path raw = Files.createDirectories(plots.resolve("raw"));
        try (Stream<Path> old = Files.list(raw)) { // the raw results of this run only, none left from an older one
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        Map<Integer, Map<String, P1Run>> p1 = readP1();
        Map<String, WrkResult> p2 = readP2Medians();

        md.append("# Benchmarks\n\n")
                .append("Generated by `bench/run.sh` (the whole run is one command; figures below are from one run).\n\n")
                .append("## Machine\n\n```\n").append(read("machine.txt").strip()).append("\n```\n\n")
                .append("The load generator (`wrk`) runs on the same machine as the server, over loopback, so it takes CPU\n")
                .append("from the server: figures near the CPU limit are lower than on separate machines.\n\n");

        writeP1(p1, plots);
        writeFixedRate();
        writeKnee();
        writeP2(p2);
        writeP3();
        writeP4();
        writeP5();

        md.append("## Reading the figures\n\n")
                .append("- The plain blocking resource is bound by Undertow's 16 worker threads: 16 ÷ 0.1 s = 160 req/s whatever the load.\n")
                .append("- The plain `CompletionStage` resource completes its stages on one timer thread, which then also runs every\n")
                .append("  response's filters and serialization (an I/O thread writes it): it falls behind as connections grow (compare\n")
                .append("  the rows at 5,000 connections). Aiojakarta's coroutine mapper resumes the caller on a greenlet, so the loop\n")
                .append("  runs no response's filters or serialization.\n")
                .append("- EXECUTOR is bound by its 150 threads: 150 ÷ 0.1 s = 1,500 req/s — the point of the other mappers.\n")
                .append("- P1 at 1,000 connections: wrk's connections start together and each request waits exactly 100 ms, so\n")
                .append("  requests arrive in waves of up to 1,000. A request's time above 100 ms is its place in its wave, and a wave\n")
                .append("  takes as long as its requests' CPU on two cores shared with wrk (the CPU per request is measured below).\n")
                .append("- P2: COROUTINE pays what every Jakarta REST `CompletionStage` resource pays in RESTEasy (compare the plain\n")
                .append("  `CompletionStage` row): the request is suspended, and the response, completed on another thread, goes out\n")
                .append("  through the servlet's non-blocking output, written by the I/O thread. EXECUTOR hops from the request's\n")
                .append("  greenlet to a platform thread and back: two thread wake-ups per request (see P4's `jdkFloor` rows), which a\n")
                .append("  trivial resource cannot amortise. GREENLET runs inline on the request's greenlet.\n")
                .append("- P3: a waiting COROUTINE request holds about what plain RESTEasy's `CompletionStage` resource holds (the\n")
                .append("  ÷ plain column): mostly the request state of Undertow, RESTEasy and Weld (headers, URI info, the suspended\n")
                .append("  async context, the request context's bean store: the maps and arrays at the top of its histogram, one\n")
                .append("  `HttpServerExchange` per request); Aiojakarta adds the caller's stage, its callbacks and the carried\n")
                .append("  context. A waiting GREENLET request also keeps its greenlet's stack on the heap, the whole servlet,\n")
                .append("  RESTEasy and interceptor call chain down to `Thread.sleep` (`jdk.internal.vm.StackChunk` in its\n")
                .append("  histogram): the price of writing the wait as straight-line code, which COROUTINE does not pay. No variant\n")
                .append("  kept all 10,000 requests in the sleep (req/s below 10,000: the server is CPU-bound next to wrk's 10,000\n")
                .append("  connections on the same two cores), so requests still being read or answered are part of what is held.\n")
                .append("- P4: a loop hop and a greenlet round trip are thread hand-offs. The `jdkFloor` rows show that on this machine\n")
                .append("  one hand-off between two threads with the JDK alone costs as much as the loop hop (waking a parked thread is a\n")
                .append("  futex call and a scheduler wake-up on a 2-core VM). `jdkSpinningHandOff` shows what a hop of a few µs\n")
                .append("  would need: threads that spin instead of parking, each keeping a core busy for as long as it waits, cores\n")
                .append("  that the server and the load generator need here. The loop and the greenlets park when they have nothing\n")
                .append("  to do, so their hops are measured against the JDK's own parking hand-offs.\n\n");
        writeProfiles();
        writeAllocations();
        md.append("## Raw results\n\nThe `wrk` and `hey` outputs, the JMH JSON and the in-flight probe are in [bench/raw](bench/raw/); ")
                .append("the collapsed CPU profiles stay in `bench/target/results` (megabytes each).\n");
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".collapsed")).toList()) {
                Files.copy(file, plots.resolve("raw").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path report = docs.resolve("benchmarks.md");
        Files.writeString(report, md.toString());
        return report;
    }

    /**
     * The P1 runs by connections and variant; where a variant ran several rounds at one level, the
     * round with the median throughput (the steady window's, where the runs have one; of an even
     * number, the upper one).
     */
    private Map<Integer, Map<String, P1Run>> readP1() throws IOException {
        Map<Integer, Map<String, List<P1Run>>> rounds = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                Matcher run = P1_RUN.matcher(file.getFileName().toString());
                if (run.matches()) {
                    rounds.computeIfAbsent(Integer.parseInt(run.group(2)), c -> new TreeMap<>())
                            .computeIfAbsent(run.group(1), v -> new ArrayList<>()).add(P1Run.read(file));
                }
            }
        }
        Map<Integer, Map<String, P1Run>> byConnections = new TreeMap<>();
        rounds.forEach((connections, variants) -> variants.forEach((variant, runs) -> {
            byConnections.computeIfAbsent(connections, c -> new TreeMap<>()).put(variant, median(runs, P1Run::requestsPerSecond));
            if (connections == 1000) {
                p1Rounds = Math.max(p1Rounds, runs.size());
                p1RoundsP99.put(variant, runs.stream().mapToDouble(run -> run.wrk().p99Millis()).summaryStatistics());
            }
        }));
        return byConnections;
    }

    /** The run with the median throughput (of an even number, the upper one). */
    private static WrkResult median(List<WrkResult> runs) {
        return median(runs, WrkResult::requestsPerSecond);
    }

    /** The run with the median of the given throughput (of an even number, the upper one). */
    private static <T> T median(List<T> runs, ToDoubleFunction<T> throughput) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(throughput));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The P2 runs ({@code p2_<variant>_<round>.txt}): per variant (and the plain resource on the
     * greenlet server) the run with the median throughput of its rounds, for the table's req/s and
     * latencies; and into {@link #p2Ratios}, each round's run divided by the baseline's run of the
     * same round, from which the table's ratios are taken.
     */
    private Map<String, WrkResult> readP2Medians() throws IOException {
        Map<String, Map<Integer, WrkResult>> rounds = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                Matcher round = P2_ROUND.matcher(file.getFileName().toString());
                if (round.matches()) {
                    rounds.computeIfAbsent(round.group(1), name -> new TreeMap<>())
                            .put(Integer.parseInt(round.group(2)), WrkResult.parse(Files.readString(file)));
                }
            }
        }
        Map<String, WrkResult> medians = new TreeMap<>();
        Map<Integer, WrkResult> baseline = rounds.getOrDefault(P2_BASELINE, Map.of());
        rounds.forEach((name, runs) -> {
            medians.put(name, median(new ArrayList<>(runs.values())));
            p2Rounds = Math.max(p2Rounds, runs.size());
            List<Double> ratios = new ArrayList<>();
            runs.forEach((round, run) -> {
                WrkResult base = baseline.get(round);
                if (base != null) {
                    ratios.add(run.requestsPerSecond() / base.requestsPerSecond());
                }
            });
            ratios.sort(null);
            p2Ratios.put(name, ratios);
        });
        return medians;
    }

    /**
     * A P2 variant's throughput ÷ the baseline's: the median of its rounds' ratios, each round's run
     * divided by the baseline's run of the same round (of an even number, the mean of the middle two).
     */
    private double p2Ratio(String variant) {
        List<Double> ratios = p2Ratios.getOrDefault(variant, List.of());
        return ratios.isEmpty() ? Double.NaN : medianOf(ratios);
    }

    /** A P2 variant's lowest and highest round ratio, "0.81–0.97", or "–" for a single round and for the baseline. */
    private String p2Spread(String variant) {
        List<Double> ratios = p2Ratios.getOrDefault(variant, List.of());
        return ratios.size() < 2 || variant.equals(P2_BASELINE) ? "–"
                : String.format(Locale.ROOT, "%.2f–%.2f", ratios.get(0), ratios.get(ratios.size() - 1));
    }

    private void writeP1(Map<Integer, Map<String, P1Run>> p1, Path plots) throws IOException, InterruptedException {
        md.append("## P1: a 100 ms I/O resource under load\n\n")
                .append("Ceiling = connections ÷ 0.1 s (every request takes 100 ms of waiting, nothing else). ")
                .append("Target: COROUTINE and GREENLET at ≥ 95 % of the ceiling at 1,000 connections with p99 ≤ 130 ms. ")
                .append("Before the runs every variant is warmed up (3 s on the trivial path; the asynchronous ones also 5 s at 1,000 ")
                .append("connections on the 100 ms path), and every run starts once the server is idle again, so that no run pays ")
                .append("for the backlog of the one before. `req/s` is the server's steady throughput: the responses it produced ")
                .append("between a fifth and nine tenths of each run, counted by the server itself (a response filter, the same for ")
                .append("every variant, read with the server's clock at both ends). `wrk req/s` is wrk's own figure over the whole run, ")
                .append("which also counts the run's start, while wrk opens its connections, and leaves out the requests still in ")
                .append("flight when it stops, about half a request per connection; its p50 and p99 are the whole run's. Where the ")
                .append("server did not answer the count within 5 s (the plain blocking resource, whose 16 workers are all busy), ")
                .append("`req/s` is wrk's figure.")
                .append(p1Rounds > 1 ? String.format(Locale.ROOT, " At 1,000 connections, where the target is, the asynchronous "
                        + "variants ran %d rounds, taking turns, and each row is the round with the median throughput.", p1Rounds) : "")
                .append("\n\n")
                .append("| connections | variant | req/s | of ceiling | wrk req/s | wrk's of ceiling | vs plain blocking | p50 ms | p99 ms | errors |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, Map<String, P1Run>> level : p1.entrySet()) {
            double ceiling = level.getKey() / IO_SECONDS;
            P1Run plain = level.getValue().get("plain-blocking");
            for (String[] variant : VARIANTS) {
                P1Run run = level.getValue().get(variant[0]);
                if (run == null) {
                    continue;
                }
                WrkResult wrk = run.wrk();
                md.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %.1f %% | %,.0f | %.1f %% | %s | %.1f | %.1f | %,d |%n",
                        level.getKey(), variant[1], run.requestsPerSecond(), 100 * run.requestsPerSecond() / ceiling,
                        wrk.requestsPerSecond(), 100 * wrk.requestsPerSecond() / ceiling,
                        plain == null ? "–" : String.format(Locale.ROOT, "%.1f×", run.requestsPerSecond() / plain.requestsPerSecond()),
                        wrk.p50Millis(), wrk.p99Millis(), wrk.errors()));
            }
        }
        md.append('\n');
        Map<String, P1Run> at1000 = p1.get(1000);
        if (at1000 != null) {
            for (String variant : List.of("coroutine", "greenlet-sleep", "greenlet-await")) {
                P1Run run = at1000.get(variant);
                if (run != null) {
                    double ratio = run.requestsPerSecond() / (1000 / IO_SECONDS);
                    double p99 = run.wrk().p99Millis();
                    DoubleSummaryStatistics rounds = p1RoundsP99.get(variant);
                    md.append(String.format(Locale.ROOT, "- P1 %s at 1,000 connections: %.1f %% of the ceiling (target 95 %%: %s), p99 %.1f ms (target 130 ms: %s)%s.%n",
                            variant, 100 * ratio, ratio >= 0.95 ? "met" : String.format(Locale.ROOT, "missed by %.1f points", 100 * (0.95 - ratio)),
                            p99, p99 <= 130 ? "met" : String.format(Locale.ROOT, "missed by %.1f ms", p99 - 130),
                            rounds.getCount() < 2 ? "" : String.format(Locale.ROOT, "; the %d rounds' p99 ranged from %.1f to %.1f ms",
                                    rounds.getCount(), rounds.getMin(), rounds.getMax())));
                }
            }
        }
        Map<String, P1Run> at5000 = p1.get(5000);
        if (at5000 != null && at5000.get("coroutine") != null) {
            md.append(String.format(Locale.ROOT, "- Where the CPU becomes the limit: at 5,000 connections the ceiling is 50,000 req/s; "
                    + "COROUTINE reached %,.0f req/s (%.1f %%), which is the share of two cores the server gets next to the load generator.%n",
                    at5000.get("coroutine").requestsPerSecond(), 100 * at5000.get("coroutine").requestsPerSecond() / 50_000));
        }
        md.append('\n');
        if (plot(p1, plots)) {
            md.append("![throughput against connections](bench/p1-throughput.png)\n\n")
                    .append("![p50 and p99 latency against connections](bench/p1-latency.png)\n\n");
        } else {
            md.append("(gnuplot was not installed: no plots.)\n\n");
        }
    }

    private boolean plot(Map<Integer, Map<String, P1Run>> p1, Path plots) throws IOException, InterruptedException {
        StringBuilder data = new StringBuilder("# connections");
        for (String[] variant : VARIANTS) {
            data.append(' ').append(variant[0]).append("_rps ").append(variant[0]).append("_p50 ").append(variant[0]).append("_p99");
        }
        data.append('\n');
        for (Map.Entry<Integer, Map<String, P1Run>> level : p1.entrySet()) {
            data.append(level.getKey());
            for (String[] variant : VARIANTS) {
                P1Run r = level.getValue().get(variant[0]);
                data.append(r == null ? " NaN NaN NaN"
                        : String.format(Locale.ROOT, " %.1f %.2f %.2f", r.requestsPerSecond(), r.wrk().p50Millis(), r.wrk().p99Millis()));
            }
            data.append('\n');
        }
        Path dat = plots.resolve("p1.dat");
        Files.writeString(dat, data);
        StringBuilder script = new StringBuilder()
                .append("set terminal pngcairo size 900,520 font ',10' noenhanced\nset datafile missing 'NaN'\nset logscale xy\nset key outside right\nset grid\n")
                .append("set xlabel 'connections'\nset xrange [80:6500]\n")
                .append("set output '").append(plots.resolve("p1-throughput.png")).append("'\nset ylabel 'requests per second (log)'\nset yrange [50:100000]\n")
                .append("plot x/0.1 title 'ceiling (connections / 0.1 s)' with lines dashtype 2 lw 2");
        for (int i = 0; i < VARIANTS.size(); i++) {
            script.append(", '").append(dat).append("' using 1:").append(2 + 3 * i).append(" title '").append(VARIANTS.get(i)[0]).append("' with linespoints lw 2");
        }
        script.append("\nset output '").append(plots.resolve("p1-latency.png")).append("'\nset ylabel 'latency (ms, log)'\nset yrange [*:*]\nplot ");
        for (int i = 0; i < VARIANTS.size(); i++) {
            if (i > 0) {
                script.append(", ");
            }
            script.append("'").append(dat).append("' using 1:").append(3 + 3 * i).append(" title '").append(VARIANTS.get(i)[0]).append(" p50' with linespoints")
                    .append(", '").append(dat).append("' using 1:").append(4 + 3 * i).append(" title '").append(VARIANTS.get(i)[0]).append(" p99' with linespoints dashtype 2");
        }
        script.append('\n');
        Path gp = plots.resolve("p1.gp");
        Files.writeString(gp, script);
        try {
            Process gnuplot = new ProcessBuilder("gnuplot", gp.toString()).inheritIO().start();
            return gnuplot.waitFor(60, TimeUnit.SECONDS) && gnuplot.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private void writeFixedRate() throws IOException {
        Properties fixed = readProperties("fixed.properties");
        if (fixed == null) {
            return;
        }
        long rate = Long.parseLong(fixed.getProperty("rate"));
        long connections = Long.parseLong(fixed.getProperty("connections"));
        md.append("### P1 at a fixed request rate (hey)\n\n")
                .append(String.format(Locale.ROOT, "`hey` offers %,d req/s to the 100 ms resource over %,d connections (each sends at most %d req/s), "
                        + "so latency is measured at a rate the server is not allowed to set. A variant that keeps up answers at the offered "
                        + "rate with p50 and p99 near 100 ms.%n%n", rate, connections, rate / connections))
                .append("| variant | achieved req/s | of offered | p50 ms | p99 ms | 200 | failed |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String[] variant : VARIANTS) {
            Path output = results.resolve("fixed_" + variant[0] + ".txt");
            if (!Files.exists(output)) {
                continue;
            }
            HeyResult result = HeyResult.parse(Files.readString(output));
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f %% | %.1f | %.1f | %,d | %,d |%n", variant[1], result.requestsPerSecond(),
                    100 * result.requestsPerSecond() / rate, result.p50Millis(), result.p99Millis(), result.ok(), result.failed()));
        }
        md.append('\n');
    }

    /**
     * The knee of P1: COROUTINE at growing connection counts, up to the first whose p99 exceeds
     * twice the resource's 100 ms.
     */
    private void writeKnee() throws IOException {
        Map<Integer, P1Run> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                Matcher run = KNEE_RUN.matcher(file.getFileName().toString());
                if (run.matches()) {
                    runs.put(Integer.parseInt(run.group(1)), P1Run.read(file));
                }
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        double limit = 2 * IO_SECONDS * 1000;
        md.append("### P1's knee: COROUTINE at growing connection counts\n\n")
                .append(String.format(Locale.ROOT, "Each step runs once, after the server is idle again; the search stops at the first "
                        + "step whose p99 exceeds %.0f ms (twice the resource's delay). `server CPU` is the share of the two cores "
                        + "the server process used during the step (the rest went to wrk and the kernel); `req/s` is the server's "
                        + "steady throughput, as in the table above.%n%n", limit))
                .append("| connections | req/s | of ceiling | p50 ms | p99 ms | errors | server CPU | p99 ≤ 200 ms |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
        Properties cpu = Files.exists(results.resolve("knee-cpu.properties")) ? readProperties("knee-cpu.properties") : new Properties();
        Integer knee = null;
        for (Map.Entry<Integer, P1Run> run : runs.entrySet()) {
            WrkResult r = run.getValue().wrk();
            double throughput = run.getValue().requestsPerSecond();
            boolean within = r.p99Millis() <= limit && r.errors() == 0;
            if (within) {
                knee = run.getKey();
            }
            String busy = cpu.getProperty(String.valueOf(run.getKey()));
            md.append(String.format(Locale.ROOT, "| %,d | %,.0f | %.1f %% | %.1f | %.1f | %d | %s | %s |%n", run.getKey(),
                    throughput, 100 * throughput * IO_SECONDS / run.getKey(), r.p50Millis(), r.p99Millis(),
                    r.errors(), busy == null ? "–" : busy + " of 2 cores", within ? "yes" : "no"));
        }
        md.append(knee == null ? "\nNo step kept p99 within the limit.\n\n"
                : String.format(Locale.ROOT, "%nThe knee: %,d connections is the highest count measured at which COROUTINE still answers "
                        + "with p99 ≤ %.0f ms and no errors.%n%n", knee, limit));
    }

    /** P5: fan-outs of three 100 ms upstream calls through each client, by concurrency. */
    private void writeP5() throws IOException {
        Map<Integer, Map<String, List<WrkResult>>> rounds = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                Matcher run = P5_RUN.matcher(file.getFileName().toString());
                if (run.matches()) {
                    rounds.computeIfAbsent(Integer.parseInt(run.group(2)), c -> new TreeMap<>())
                            .computeIfAbsent(run.group(1), client -> new ArrayList<>()).add(WrkResult.parse(Files.readString(file)));
                }
            }
        }
        if (rounds.isEmpty()) {
            return;
        }
        int most = rounds.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(1);
        md.append("## P5: outbound calls (fan-out)\n\n")
                .append("A COROUTINE resource calls the server's own 100 ms COROUTINE resource three times at once and answers when all ")
                .append("three have (`FanOutResource` in the bench module), through each client; wrk keeps the given number of fan-outs in ")
                .append("flight. Every client is warmed up first (the candidates for 30 s at 200 fan-outs, which the JIT needs for this ")
                .append(String.format(Locale.ROOT, "path; the others for 3 s). The candidates ran %d rounds, taking turns; each row is the "
                        + "round with the median throughput. A fan-out costs the server four requests and three outbound calls, so "
                        + "the ceiling is connections ÷ 0.1 s until the CPU runs out. Target: p50 ≤ 150 ms (1.5 × one upstream delay) at "
                        + "200 concurrent fan-outs, with 0 errors.%n%n", most))
                .append("| fan-outs in flight | client | fan-outs/s | of ceiling | p50 ms | p99 ms | errors | target |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---|\n");
        rounds.forEach((connections, clients) -> {
            for (String[] client : P5_CLIENTS) {
                List<WrkResult> runs = clients.get(client[0]);
                if (runs == null) {
                    continue;
                }
                WrkResult r = median(runs);
                String target = connections != 200 ? "–"
                        : r.p50Millis() <= 150 && r.errors() == 0 ? "met"
                        : String.format(Locale.ROOT, "missed: p50 %.0f ms, %d errors", r.p50Millis(), r.errors());
                md.append(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %.1f %% | %.1f | %.1f | %d | %s |%n", connections, client[1],
                        r.requestsPerSecond(), 100 * r.requestsPerSecond() * IO_SECONDS / connections, r.p50Millis(), r.p99Millis(),
                        r.errors(), target));
            }
        });
        md.append("\nRESTEasy's own non-blocking client engines (`resteasy-client-vertx`, `resteasy-reactor-netty`) were not measured: ")
                .append("Maven Central has them only up to 6.2.x, for Jakarta REST 3.1, not for the RESTEasy 7 this stack runs.\n\n");
    }

    private void writeP2(Map<String, WrkResult> p2) throws IOException {
        if (p2.isEmpty()) {
            return;
        }
        md.append("## P2: a trivial resource (overhead)\n\n")
                .append(String.format(Locale.ROOT, "Each variant returns a short string at once, at 100 connections, in %d rounds; "
                        + "in each round every variant runs once, the order shifted by one each round. `÷ plain` is the median of "
                        + "the rounds' ratios, each run divided by plain RESTEasy's run of the same round, so that the machine's "
                        + "drift between rounds cancels; `rounds` gives the lowest and highest of them. `req/s` and the latencies "
                        + "are from the variant's run with the median throughput. Target: each mapper's ÷ plain ≥ 0.90.%n%n",
                        p2Rounds))
                .append("| variant | req/s | ÷ plain | rounds | p50 ms | p99 ms | target |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (String[] variant : VARIANTS) {
            WrkResult result = p2.get(variant[0]);
            if (result == null) {
                continue;
            }
            double ratio = p2Ratio(variant[0]);
            String target = variant[0].startsWith("plain") ? "baseline"
                    : ratio >= 0.90 ? "met" : String.format(Locale.ROOT, "missed by %.2f", 0.90 - ratio);
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %s | %.2f | %.2f | %s |%n", variant[1],
                    result.requestsPerSecond(), ratio, p2Spread(variant[0]), result.p50Millis(), result.p99Millis(), target));
        }
        WrkResult result = p2.get(ON_GREENLETS);
        if (result != null) {
            double ratio = p2Ratio(ON_GREENLETS);
            md.append(String.format(Locale.ROOT, "| plain RESTEasy, blocking, on the Aiojakarta server (a greenlet per request, no mapper) "
                    + "| %,d | %.2f | %s | %.2f | %.2f | where the mappers start |%n", Math.round(result.requestsPerSecond()),
                    ratio, p2Spread(ON_GREENLETS), result.p50Millis(), result.p99Millis()))
                    .append(String.format(Locale.ROOT, "%nThe last row is the plain resource on the Aiojakarta server, where every "
                            + "request runs on a greenlet (switched off with `aiojakarta.greenlets.requests=false`): %.2f of the worker "
                            + "pool's throughput. The mappers run on this server and add their own cost to it.%n", ratio));
        }
        if (p2.containsKey("plain-stage") && p2.containsKey("coroutine")) {
            md.append(String.format(Locale.ROOT, "%nCOROUTINE ÷ plain RESTEasy `CompletionStage` (both answer asynchronously), "
                    + "the ratio of their medians: %.2f.%n", p2Ratio("coroutine") / p2Ratio("plain-stage")));
        }
        md.append('\n');
    }

    private void writeP3() throws IOException {
        Map<String, Properties> runs = new LinkedHashMap<>();
        for (String variant : P3_VARIANTS) {
            Properties run = readProperties("p3_" + variant + ".properties");
            if (run != null) {
                runs.put(variant, run);
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        long inFlight = Long.parseLong(runs.values().iterator().next().getProperty("inFlight"));
        Properties baseline = runs.get("plain-stage");
        md.append("## P3: 10,000 requests in flight\n\n")
                .append(String.format(Locale.ROOT, "%,d connections each waiting on a 1 s sleep, one variant after the other; "
                        + "heap measured after a full GC before the load and during it (the median of three samples, 8, 11 and "
                        + "14 s into the load). Target for the mapped variants: heap per in-flight request ≤ 10 KiB, platform "
                        + "threads alive ≤ 50. The baseline is plain RESTEasy's `CompletionStage` resource on the baseline server "
                        + "(requests on Undertow's worker pool, no mapper); `req/s` shows whether the server kept all %,d "
                        + "requests waiting (the ceiling is %,d req/s).%n%n",
                        inFlight, inFlight, inFlight))
                .append("| variant | heap per in-flight request | ÷ plain | heap samples, MiB | platform threads | req/s | target |\n")
                .append("|---|---:|---:|---|---:|---:|---|\n");
        for (Map.Entry<String, Properties> run : runs.entrySet()) {
            Properties p3 = run.getValue();
            double perRequest = perRequestKiB(p3);
            long threads = Long.parseLong(p3.getProperty("threadsDuring"));
            Path load = results.resolve("p3_wrk_" + run.getKey() + ".txt");
            String rate = Files.exists(load)
                    ? String.format(Locale.ROOT, "%,.0f", WrkResult.parse(Files.readString(load)).requestsPerSecond()) : "–";
            String verdict = p3 == baseline ? "baseline"
                    : (perRequest <= 10 ? "heap met" : String.format(Locale.ROOT, "heap missed by %.1f KiB", perRequest - 10))
                            + ", " + (threads <= 50 ? "threads met" : "threads missed by " + (threads - 50));
            md.append(String.format(Locale.ROOT, "| %s | %.1f KiB | %s | %s | %d | %s | %s |%n", label(run.getKey()), perRequest,
                    baseline == null ? "–" : String.format(Locale.ROOT, "%.2f", perRequest / perRequestKiB(baseline)),
                    Stream.of(p3.getProperty("heapDuringSamples").split(" "))
                            .map(bytes -> String.format(Locale.ROOT, "%.1f", Long.parseLong(bytes) / 1048576.0))
                            .collect(Collectors.joining(", ")),
                    threads, rate, verdict));
        }
        md.append('\n');
        writeP3Differences(inFlight);
        for (String variant : P3_VARIANTS) {
            Path histogram = results.resolve("p3-class-histogram-" + variant + ".txt");
            if (Files.exists(histogram)) {
                md.append("What the heap held during the ").append(label(variant))
                        .append(" load, largest classes first (`jcmd GC.class_histogram`, right after the middle sample):\n\n```\n")
                        .append(Files.readString(histogram).stripTrailing()).append("\n```\n\n");
            }
        }
    }

    /** Per in-flight request, the classes each mapped variant holds more of than the baseline. */
    private void writeP3Differences(long inFlight) throws IOException {
        ClassHistogram baseline = heldPerRequest("plain-stage", inFlight);
        if (baseline == null) {
            return;
        }
        for (String variant : P3_VARIANTS) {
            ClassHistogram held = variant.equals("plain-stage") ? null : heldPerRequest(variant, inFlight);
            if (held == null) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "Per in-flight request, the classes the %s load held most more of than "
                    + "the baseline's (full histograms after a full GC, before the load and at the middle sample, each "
                    + "variant's difference divided by %,d). With a 1 s wait, requests being read or answered during "
                    + "the sample count too, so single rows move from run to run; the per-request figure above is the "
                    + "measurement, and `docs/internals.md` has the breakdown of requests that all wait:%n%n",
                    label(variant), inFlight))
                    .append("| class | bytes per request | instances per request |\n|---|---:|---:|\n");
            for (ClassHistogram.Difference difference : held.largestOver(baseline, 15)) {
                md.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %.2f |%n", difference.className(), difference.bytes(),
                        difference.instances()));
            }
            md.append('\n');
        }
    }

    private ClassHistogram heldPerRequest(String variant, long inFlight) throws IOException {
        Path before = results.resolve("p3-histogram-before-" + variant + ".txt");
        Path during = results.resolve("p3-histogram-during-" + variant + ".txt");
        if (!Files.exists(before) || !Files.exists(during)) {
            return null;
        }
        return ClassHistogram.read(during).since(ClassHistogram.read(before), inFlight);
    }

    private static double perRequestKiB(Properties p3) {
        long before = Long.parseLong(p3.getProperty("heapBeforeBytes"));
        long during = Long.parseLong(p3.getProperty("heapDuringBytes"));
        return (during - before) / Double.parseDouble(p3.getProperty("inFlight")) / 1024;
    }

    private static String label(String variant) {
        return VARIANTS.stream().filter(v -> v[0].equals(variant)).map(v -> v[1]).findFirst().orElse(variant);
    }

    /**
     * P4's targets: awaiting a completed stage in at most 100 ns; every hand-off within 1.1 × the
     * JDK's own hand-off of the same kind measured in the same run (a loop hop against a platform
     * thread waking another, a greenlet's loop hop against a virtual thread's hop to a platform
     * thread, a greenlet round trip against a virtual thread's start and end).
     */
    static final Map<String, String> P4_FLOORS = Map.of("loopHop", "jdkFloorPlatformHandOff",
            "loopHopSeenByGreenlet", "jdkFloorVirtualThreadHandOff", "spawnGreenletRoundTrip", "jdkFloorVirtualThreadRoundTrip");

    /**
     * Rows that split a target's hand-off into parts, each mapped to the target's benchmark: their
     * ratio to the target's floor, no target of their own.
     */
    static final Map<String, String> P4_PARTS = Map.of("greenletPoolRoundTrip", "spawnGreenletRoundTrip");

    /** One JMH run of every benchmark: each one's score and its measured iterations, in ns/op. */
    private record JmhRound(Map<String, Double> scores, Map<String, List<Double>> iterations) {
    }

    private void writeP4() throws IOException {
        List<JmhRound> twoCores = readJmhRounds("jmh(-\\d+)?\\.json");
        if (twoCores.isEmpty()) {
            return;
        }
        md.append("## P4: micro-benchmarks (JMH)\n\nMeasured from a JMH (platform) thread with a non-strict bridge; "
                + "`loopHopSeenByGreenlet` makes its hops from inside one greenlet, as the target states. "
                + "The `jdk` rows do the same hand-offs with the JDK alone. In the `jdkFloor` rows the threads park when idle, as "
                + "the loop and the greenlets do (a single-thread executor; a virtual thread per task): the time one thread takes to "
                + "wake another on this machine, below which no hop between parking threads can go. In `jdkSpinningHandOff` both "
                + "threads spin instead of parking: what a hop costs when no thread has to be woken.\n\n"
                + String.format(Locale.ROOT, "%d round(s), each a JMH run of every benchmark in one fork (3 warm-up and 5 measured "
                        + "iterations of 1 s), so that a hand-off and its floor are measured a minute apart at most; a row gives "
                        + "the median of the rounds and their range, its ratio the median of the rounds' own ratios. Within one "
                        + "run the error bars on this machine reach ±80 %%: one run's ratio says little.%n%n", twoCores.size())
                + "Targets: awaiting a completed stage ≤ 100 ns; each hand-off ≤ 1.1 × the JDK floor of its kind measured in the "
                + "same round (`loopHop` against `jdkFloorPlatformHandOff`; `loopHopSeenByGreenlet`, whose greenlet parks a "
                + "virtual thread, against `jdkFloorVirtualThreadHandOff`, a virtual thread making the same hops to a platform "
                + "thread; `spawnGreenletRoundTrip` against `jdkFloorVirtualThreadRoundTrip`). Until the run of 2026-12-03 "
                + "`loopHopSeenByGreenlet` was set against `jdkFloorPlatformHandOff`, a floor of another kind: on one core, "
                + "where no idle core is woken, a virtual thread's park and unpark cost ~9.5 µs against a platform thread's "
                + "~6 µs. The floor moves from run to run with the machine's load; measured "
                + "together, the ratio does not depend on it. `greenletPoolRoundTrip` splits the greenlet round trip: the same "
                + "task on the runtime's greenlet pool without the bridge (no carried context, no cancellable stage).\n\n");
        writeP4Table(twoCores);
        List<JmhRound> oneCore = readJmhRounds("jmh-one-core-\\d+\\.json");
        if (!oneCore.isEmpty()) {
            DoubleSummaryStatistics floorIterations = twoCores.stream()
                    .flatMap(round -> round.iterations().getOrDefault("jdkFloorVirtualThreadRoundTrip", List.of()).stream())
                    .mapToDouble(Double::doubleValue).summaryStatistics();
            String spread = floorIterations.getCount() == 0 ? "" : String.format(Locale.ROOT, " (the two-core rounds' single "
                    + "iterations of `jdkFloorVirtualThreadRoundTrip` alone range from %,.1f to %,.1f µs)",
                    floorIterations.getMin() / 1000, floorIterations.getMax() / 1000);
            md.append(String.format(Locale.ROOT, "### P4 on one core%n%nThe same benchmarks (without `jdkSpinningHandOff`, "
                    + "which needs two cores), the JVM pinned to one core (`taskset -c 0`), %d round(s) taken after the ones "
                    + "above. A woken thread then runs on the core of the thread that woke it, once that one parks: no idle "
                    + "second core has to be woken, which on this VM is most of the two-core floor and changes with where "
                    + "the scheduler puts the two threads%s. What is left is the CPU both sides spend, so this table shows "
                    + "what Aiojakarta's code adds to the JDK's. The targets are judged on the two-core table above; this one "
                    + "is for finding where the time goes.%n%n", oneCore.size(), spread));
            writeP4Table(oneCore);
        }
    }

    /** Every round of JMH results whose file name matches, in file-name order. */
    private List<JmhRound> readJmhRounds(String fileNamePattern) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(results)) {
            files = listed.filter(file -> file.getFileName().toString().matches(fileNamePattern)).sorted().toList();
        }
        List<JmhRound> rounds = new ArrayList<>();
        for (Path file : files) {
            Map<String, Double> scores = new TreeMap<>();
            Map<String, List<Double>> iterations = new TreeMap<>();
            for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
                String name = run.get("benchmark").asText();
                name = name.substring(name.lastIndexOf('.') + 1);
                scores.put(name, run.get("primaryMetric").get("score").asDouble());
                List<Double> measured = new ArrayList<>();
                for (JsonNode fork : run.at("/primaryMetric/rawData")) {
                    fork.forEach(iteration -> measured.add(iteration.asDouble()));
                }
                iterations.put(name, measured);
            }
            rounds.add(new JmhRound(scores, iterations));
        }
        return rounds;
    }

    /** One row per benchmark: the median of the rounds, their range, the median ratio to its floor, the verdict. */
    private void writeP4Table(List<JmhRound> rounds) {
        List<Map<String, Double>> scores = rounds.stream().map(JmhRound::scores).toList();
        md.append("| benchmark | ns/op (median) | rounds' range | ÷ JDK floor | target |\n|---|---:|---:|---:|---|\n");
        Set<String> names = new TreeSet<>();
        scores.forEach(score -> names.addAll(score.keySet()));
        for (String name : names) {
            List<Double> values = scores.stream().filter(score -> score.containsKey(name)).map(score -> score.get(name)).toList();
            String floorName = P4_FLOORS.get(P4_PARTS.getOrDefault(name, name)); // a part is set against its target's floor
            String ratio = "–";
            String verdict = "–";
            double median = medianOf(values);
            if (name.equals("awaitCompletedStage")) {
                verdict = median <= 100 ? "≤ 100 ns: met" : String.format(Locale.ROOT, "≤ 100 ns: missed by %,.0f ns", median - 100);
            } else if (floorName != null) {
                List<Double> ratios = scores.stream().filter(score -> score.containsKey(name) && score.containsKey(floorName))
                        .map(score -> score.get(name) / score.get(floorName)).toList();
                if (!ratios.isEmpty()) {
                    double r = medianOf(ratios);
                    ratio = String.format(Locale.ROOT, "%.2f", r);
                    verdict = P4_PARTS.containsKey(name) ? "part of " + P4_PARTS.get(name)
                            : r <= 1.1 ? "≤ 1.1 × " + floorName + ": met"
                            : String.format(Locale.ROOT, "≤ 1.1 × %s: missed by %.2f×", floorName, r - 1.1);
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %,.1f | %,.1f–%,.1f | %s | %s |%n", name, median,
                    values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), ratio, verdict));
        }
        md.append('\n');
    }

    /** The median of some figures: the middle one, or the mean of the two in the middle. */
    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Server CPU per request by component, and the hottest frames where a target is missed, from
     * the profiled runs (async-profiler, one sample per millisecond of CPU).
     */
    private void writeProfiles() throws IOException {
        Properties settings = readProperties("profiles.properties");
        if (settings == null) {
            return;
        }
        double seconds = Double.parseDouble(settings.getProperty("seconds"));
        double intervalMicros = Double.parseDouble(settings.getProperty("intervalMicros"));
        Map<String[], CpuProfile> profiles = new LinkedHashMap<>();
        Map<String[], Double> requests = new LinkedHashMap<>();
        for (String[] run : PROFILES) {
            Path collapsed = results.resolve("profile-" + run[0] + ".collapsed");
            Path load = results.resolve("profile-" + run[0] + ".txt");
            if (Files.exists(collapsed) && Files.exists(load)) {
                profiles.put(run, CpuProfile.parse(Files.readAllLines(collapsed)));
                requests.put(run, WrkResult.parse(Files.readString(load)).requestsPerSecond() * seconds);
            }
        }
        if (profiles.isEmpty()) {
            return;
        }
        md.append("### Server CPU per request, by component (async-profiler)\n\n")
                .append(String.format(Locale.ROOT, "Each profiled run lasted %.0f s, separate from the measured runs above; "
                        + "µs of server CPU per request, each sample charged to the component whose code is innermost on its stack "
                        + "(a `HashMap` lookup made by RESTEasy is RESTEasy's; a socket write made by XNIO, kernel time included, "
                        + "is XNIO's).%n%n", seconds))
                .append("| component |");
        profiles.keySet().forEach(run -> md.append(' ').append(run[1]).append(" |"));
        md.append("\n|---|").append("---:|".repeat(profiles.size())).append('\n');
        List<String> components = new ArrayList<>(profiles.values().iterator().next().byComponent().keySet());
        for (String component : components) {
            md.append("| ").append(component).append(" |");
            profiles.forEach((run, profile) -> md.append(String.format(Locale.ROOT, " %.1f |",
                    profile.byComponent().get(component) * intervalMicros / requests.get(run))));
            md.append('\n');
        }
        md.append("| **total** |");
        profiles.forEach((run, profile) -> md.append(String.format(Locale.ROOT, " **%.1f** |",
                profile.samples() * intervalMicros / requests.get(run))));
        md.append("\n| req/s while profiled |");
        profiles.keySet().forEach(run -> md.append(String.format(Locale.ROOT, " %,.0f |", requests.get(run) / seconds)));
        md.append("\n| server cores busy while profiled |");
        profiles.values().forEach(profile -> md.append(String.format(Locale.ROOT, " %.2f |",
                profile.samples() * intervalMicros / 1e6 / seconds)));
        md.append("\n\nThe last two rows tell how a profiled run went: a run that served fewer requests than its measured "
                + "counterpart above was slowed by the profiler, and its µs per request are larger for it; compare the "
                + "components within a column.\n");
        profiles.forEach((run, profile) -> {
            if (run[0].equals("p1-coroutine-1000")) {
                int wave = 1000; // requests: one per connection
                double waveMillis = profile.samples() * intervalMicros / requests.get(run) * wave / 1000;
                md.append(String.format(Locale.ROOT, "%nP1, COROUTINE at 1,000 connections: a wave of %,d requests needs %.0f ms "
                        + "of the server's CPU, %.0f ms on two cores if the server had both to itself.%n",
                        wave, waveMillis, waveMillis / 2));
            }
        });
        md.append("\nIn the hottest frames below, kernel frames end in `_[k]`; on this paravirtualised VM the samples of kernel work ")
                .append("done with interrupts off (scheduling, futex wake-ups, the network stack) land in `pvm_irq_enable_[k]`.\n\n");
        for (Map.Entry<String[], CpuProfile> entry : profiles.entrySet()) {
            if (!HOTTEST_SHOWN.contains(entry.getKey()[0])) {
                continue;
            }
            md.append("Hottest leaf frames, ").append(entry.getKey()[1]).append(" (µs per request):\n\n```\n");
            for (Map.Entry<String, Long> frame : entry.getValue().hottest(12)) {
                String name = frame.getKey().length() > 110 ? frame.getKey().substring(0, 110) + "…" : frame.getKey();
                md.append(String.format(Locale.ROOT, "%7.2f  %s%n", frame.getValue() * intervalMicros / requests.get(entry.getKey()), name));
            }
            md.append("```\n\n");
        }
    }

    /** Bytes allocated per request by component, from async-profiler's allocation profiles of P2 runs. */
    private void writeAllocations() throws IOException {
        Map<String[], CpuProfile> profiles = new LinkedHashMap<>();
        Map<String[], Long> requests = new LinkedHashMap<>();
        for (String[] run : ALLOCATION_PROFILES) {
            Path collapsed = results.resolve("alloc-" + run[0] + ".collapsed");
            Path load = results.resolve("alloc-" + run[0] + ".txt");
            if (Files.exists(collapsed) && Files.exists(load)) {
                Matcher answered = Pattern.compile("(\\d+) requests in").matcher(Files.readString(load));
                if (answered.find()) {
                    profiles.put(run, CpuProfile.parse(Files.readAllLines(collapsed)));
                    requests.put(run, Long.parseLong(answered.group(1)));
                }
            }
        }
        if (profiles.isEmpty()) {
            return;
        }
        md.append("\n### Bytes allocated per request, by component (async-profiler)\n\n")
                .append("P2's trivial resource at 100 connections, in runs of their own with async-profiler's allocation profiler; ")
                .append("each allocation is charged to the component whose code made it.\n\n| component |");
        profiles.keySet().forEach(run -> md.append(' ').append(run[1]).append(" |"));
        md.append("\n|---|").append("---:|".repeat(profiles.size())).append('\n');
        for (String component : profiles.values().iterator().next().byComponent().keySet()) {
            md.append("| ").append(component).append(" |");
            profiles.forEach((run, profile) -> md.append(String.format(Locale.ROOT, " %,.0f |",
                    (double) profile.byComponent().get(component) / requests.get(run))));
            md.append('\n');
        }
        md.append("| **total** |");
        profiles.forEach((run, profile) -> md.append(String.format(Locale.ROOT, " **%,.0f** |",
                (double) profile.samples() / requests.get(run))));
        md.append("\n\n");
        profiles.forEach((run, profile) -> {
            if (run[0].equals("p2-coroutine")) {
                md.append("What Aiojakarta's own code allocates most, ").append(run[1]).append(" (bytes per request):\n\n```\n");
                for (Map.Entry<String, Long> allocated : profile.hottestOf("Aiojakarta", 12)) {
                    md.append(String.format(Locale.ROOT, "%7.0f  %s%n", (double) allocated.getValue() / requests.get(run),
                            allocated.getKey()));
                }
                md.append("```\n\n");
            }
        });
    }

    /** A properties file of the results, or {@code null} when the run did not write it. */
    private Properties readProperties(String name) throws IOException {
        Path file = results.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    private String read(String name) throws IOException {
        Path file = results.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(not recorded)";
    }
}
