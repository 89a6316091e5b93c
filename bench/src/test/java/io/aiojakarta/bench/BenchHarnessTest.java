package io.aiojakarta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A seconds-long check that the benchmark harness still works; the full run is bench/run.sh. */
@Timeout(120)
class BenchHarnessTest {

    static final String WRK_SAMPLE = """
            Running 10s test @ http://127.0.0.1:40000/aio/coroutine?ms=100
              2 threads and 1000 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   104.21ms    6.02ms 180.12ms   91.20%
                Req/Sec     4.78k   312.44     5.20k    80.00%
              Latency Distribution
                 50%  102.10ms
                 75%  104.90ms
                 90%  110.30ms
                 99%  128.70ms
              95210 requests in 10.01s, 9.53MB read
              Socket errors: connect 0, read 0, write 0, timeout 3
              Non-2xx or 3xx responses: 2
            Requests/sec:   9511.46
            Transfer/sec:      0.95MB
            """;

    static final String HEY_SAMPLE = """

            Summary:
              Total:	10.0000 secs
              Slowest:	0.3157 secs
              Fastest:	0.1003 secs
              Average:	0.1090 secs
              Requests/sec:	5000.1000

              Total data:	103680 bytes
              Size/request:	2 bytes

            Latency distribution:
              10% in 0.1008 secs
              25% in 0.1012 secs
              50% in 0.1021 secs
              75% in 0.1049 secs
              90% in 0.1101 secs
              95% in 0.1154 secs
              99% in 0.1402 secs

            Status code distribution:
              [200]	49900 responses
              [503]	60 responses

            Error distribution:
              [41]	Get "http://127.0.0.1:40000/aio/coroutine?ms=100": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
            """;

    @Test
    void everyVariantAnswersOnTheBenchServer() throws Exception {
        try (BenchServer server = BenchServer.start(); HttpClient client = HttpClient.newHttpClient()) {
            for (String[] variant : BenchReport.VARIANTS) {
                String path = switch (variant[0]) {
                    case "plain-blocking" -> server.plain().uri() + "plain/blocking?ms=10";
                    case "plain-stage" -> server.plain().uri() + "plain/stage?ms=10";
                    default -> server.aio().uri() + "aio/" + variant[0] + "?ms=10";
                };
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                assertEquals("ok", response.body(), path);
            }
            HttpResponse<String> stats = client.send(HttpRequest.newBuilder(server.aio().uri().resolve("stats?gc=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(stats.body().matches("\\{\"heapBytes\":\\d+,\"threads\":\\d+,\"answered\":\\d+,\"nanos\":-?\\d+}"), stats.body());
            SteadyWindow window = SteadyWindow.find("start=" + stats.body() + "\nend="
                    + client.send(HttpRequest.newBuilder(server.aio().uri().resolve("stats")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .orElseThrow();
            // the variants' requests before, and the first stats request itself, which was answered before the second counted
            assertTrue(window.answeredAtStart() >= BenchReport.VARIANTS.size() - 2, window.toString());
            assertEquals(window.answeredAtStart() + 1, window.answeredAtEnd(), window.toString());
        }
    }

    @Test
    void everyFanOutClientCallsThreeUpstreams() throws Exception {
        try (BenchServer server = BenchServer.start(); HttpClient client = HttpClient.newHttpClient()) {
            for (String[] fanOut : BenchReport.P5_CLIENTS) {
                URI uri = server.aio().uri().resolve("fanout/" + fanOut[0] + "?ms=10");
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), uri + ": " + response.body());
                assertEquals("ok,ok,ok", response.body(), uri.toString());
            }
        }
    }

    /** A steady window of 7 s in which the server answered {@code requestsPerSecond}, as bench/run.sh writes it. */
    static String window(long requestsPerSecond) {
        return "start={\"heapBytes\":1,\"threads\":2,\"answered\":500,\"nanos\":-3000000000}\n"
                + "end={\"heapBytes\":1,\"threads\":2,\"answered\":" + (500 + 7 * requestsPerSecond) + ",\"nanos\":4000000000}\n";
    }

    @Test
    void aSteadyWindowIsTheServersRateBetweenItsTwoSamples() {
        assertEquals(9_600, SteadyWindow.find(window(9_600)).orElseThrow().requestsPerSecond(), 0.001);
        assertTrue(SteadyWindow.find("start={\"answered\":1,\"nanos\":2}\nend=\n").isEmpty(), "the server did not answer the second count");
        assertThrows(IllegalArgumentException.class, () -> new SteadyWindow(10, 5, 20, 5), "no time between the samples");
    }

    @Test
    void theReportShowsTheFanOutsAndTheKnee(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("machine.txt"), "cores: 2\n");
        // the median of three rounds counts
        Files.writeString(results.resolve("p5_jdk_200_r1.txt"), WRK_SAMPLE.replace("9511.46", "1700.00"));
        Files.writeString(results.resolve("p5_jdk_200_r2.txt"), WRK_SAMPLE.replace("9511.46", "1800.00").replace("102.10ms", "110.00ms"));
        Files.writeString(results.resolve("p5_jdk_200_r3.txt"), WRK_SAMPLE.replace("9511.46", "1900.00"));
        Files.writeString(results.resolve("p5_jaxrs-default_200_r1.txt"), WRK_SAMPLE.replace("9511.46", "15.00").replace("102.10ms", "6.30s"));
        Files.writeString(results.resolve("knee_1000.txt"), WRK_SAMPLE);
        Files.writeString(results.resolve("knee_2000.txt"), WRK_SAMPLE.replace("128.70ms", "150.00ms").replace("timeout 3", "timeout 0")
                .replace("Non-2xx or 3xx responses: 2\n", ""));
        Files.writeString(results.resolve("knee_2000.window"), window(19_000));
        Files.writeString(results.resolve("knee_3000.txt"), WRK_SAMPLE.replace("128.70ms", "260.00ms"));
        Files.writeString(results.resolve("knee-cpu.properties"), "1000=0.90\n2000=1.20\n3000=1.30\n");
        String md = Files.readString(new BenchReport(results, Files.createDirectories(dir.resolve("docs"))).write());
        assertTrue(md.contains("| 200 | JDK `HttpClient`, non-blocking (the starter's choice) | 1,800 | 90.0 % | 110.0 | 128.7 | 5 | "
                + "missed: p50 110 ms, 5 errors |"), md);
        assertTrue(md.contains("| 200 | Jakarta REST `ClientBuilder.newClient()`, `rx()` (the defaults) | 15 | 0.8 % | 6300.0 |"), md);
        assertTrue(md.contains("| 2,000 | 19,000 | 95.0 % | 102.1 | 150.0 | 0 | 1.20 of 2 cores | yes |"), md);
        assertTrue(md.contains("| 3,000 | 9,511 | 31.7 % | 102.1 | 260.0 | 5 | 1.30 of 2 cores | no |"), md);
        assertTrue(md.contains("The knee: 2,000 connections"), md);
    }

    @Test
    void theReportShowsBytesAllocatedPerRequestByTheCodeThatAllocatedThem(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("machine.txt"), "cores: 2\n");
        Files.writeString(results.resolve("alloc-p2-coroutine.txt"), "  1000 requests in 5.00s, 1.00MB read\n");
        Files.writeString(results.resolve("alloc-p2-coroutine.collapsed"), """
                java/lang/Thread.run;org/jboss/resteasy/core/Dispatcher.invoke;java/util/HashMap.resize;java.util.HashMap$Node[]_[i] 8000000
                java/lang/Thread.run;io/aiojakarta/internal/dispatch/PlannedDispatcher.coroutine;io.aiojakarta.internal.dispatch.Invocation_[i] 64000
                java/lang/Thread.run;java.lang.Object_[i] 16000
                """);
        String md = Files.readString(new BenchReport(results, Files.createDirectories(dir.resolve("docs"))).write());
        assertTrue(md.contains("| Aiojakarta | 64 |"), md);
        assertTrue(md.contains("| RESTEasy | 8,000 |"), md);
        assertTrue(md.contains("| **total** | **8,080** |"), md);
        assertTrue(md.contains("     64  io.aiojakarta.internal.dispatch.Invocation_[i]"), md);
    }

    @Test
    void handOffsAreJudgedByTheMedianOfEachRoundsRatioToItsOwnFloor(@TempDir Path dir) throws Exception {
        // round 2's machine is slower for everything: its floor moves with it, so its ratios stay those of the others
        String[][] rounds = {{"1.5", "40000.0", "40000.0", "42000.0", "48000.0"}, {"1.7", "80000.0", "80000.0", "84000.0", "84000.0"},
            {"1.6", "40000.0", "40000.0", "43000.0", "42000.0"}};
        Map<String, List<String>> files = new TreeMap<>();
        for (int i = 0; i < rounds.length; i++) {
            String[] r = rounds[i];
            files.put("jmh-" + (i + 1) + ".json", List.of(jmhRun("awaitCompletedStage", r[0]), jmhRun("jdkFloorPlatformHandOff", r[1]),
                    jmhRun("jdkFloorVirtualThreadRoundTrip", r[2]), jmhRun("loopHop", r[3]), jmhRun("spawnGreenletRoundTrip", r[4])));
        }
        String md = p4Report(dir, files);
        assertTrue(md.contains("3 round(s)"), md);
        assertTrue(md.contains("| awaitCompletedStage | 1.6 | 1.5–1.7 | – | ≤ 100 ns: met |"), md);
        assertTrue(md.contains("| loopHop | 43,000.0 | 42,000.0–84,000.0 | 1.05 | ≤ 1.1 × jdkFloorPlatformHandOff: met |"), md);
        // the rounds' ratios are 1.20, 1.05 and 1.05: one bad round does not decide
        assertTrue(md.contains("| spawnGreenletRoundTrip | 48,000.0 | 42,000.0–84,000.0 | 1.05 | ≤ 1.1 × jdkFloorVirtualThreadRoundTrip: met |"), md);
    }

    @Test
    void aSingleRoundIsJudgedAlone(@TempDir Path dir) throws Exception {
        String md = p4Report(dir, Map.of("jmh.json", List.of(jmhRun("jdkFloorVirtualThreadRoundTrip", "40000.0"),
                jmhRun("spawnGreenletRoundTrip", "48000.0"), jmhRun("greenletPoolRoundTrip", "44000.0"))));
        assertTrue(md.contains("| greenletPoolRoundTrip | 44,000.0 | 44,000.0–44,000.0 | 1.10 | part of spawnGreenletRoundTrip |"), md);
        assertTrue(md.contains("| spawnGreenletRoundTrip | 48,000.0 | 48,000.0–48,000.0 | 1.20 | ≤ 1.1 × jdkFloorVirtualThreadRoundTrip: "
                + "missed by 0.10× |"), md);
    }

    @Test
    void aGreenletsLoopHopIsJudgedAgainstAVirtualThreadsHandOff(@TempDir Path dir) throws Exception {
        String md = p4Report(dir, Map.of("jmh-1.json", List.of(jmhRun("jdkFloorPlatformHandOff", "6000.0"),
                jmhRun("jdkFloorVirtualThreadHandOff", "9500.0"), jmhRun("loopHopSeenByGreenlet", "9600.0"))));
        assertTrue(md.contains("| loopHopSeenByGreenlet | 9,600.0 | 9,600.0–9,600.0 | 1.01 | ≤ 1.1 × jdkFloorVirtualThreadHandOff: met |"), md);
    }

    @Test
    void oneCoreRoundsGetATableOfTheirOwnAndStayOutOfTheTargetsTable(@TempDir Path dir) throws Exception {
        String md = p4Report(dir, Map.of(
                "jmh-1.json", List.of(jmhRun("jdkFloorVirtualThreadRoundTrip", "40000.0", 23000.0, 58000.0, 39000.0),
                        jmhRun("spawnGreenletRoundTrip", "52000.0", 52000.0)),
                "jmh-one-core-1.json", List.of(jmhRun("jdkFloorVirtualThreadRoundTrip", "8000.0", 8000.0),
                        jmhRun("spawnGreenletRoundTrip", "8400.0", 8400.0))));
        assertTrue(md.contains("1 round(s), each a JMH run"), md);
        assertTrue(md.contains("| spawnGreenletRoundTrip | 52,000.0 | 52,000.0–52,000.0 | 1.30 | ≤ 1.1 × jdkFloorVirtualThreadRoundTrip: "
                + "missed by 0.20× |"), md);
        int oneCore = md.indexOf("### P4 on one core");
        assertTrue(oneCore > md.indexOf("| spawnGreenletRoundTrip | 52,000.0"), md);
        assertTrue(md.contains("range from 23.0 to 58.0 µs"), md);
        assertTrue(md.indexOf("| spawnGreenletRoundTrip | 8,400.0 | 8,400.0–8,400.0 | 1.05 | ≤ 1.1 × jdkFloorVirtualThreadRoundTrip: met |")
                > oneCore, md);
    }

    /** One benchmark's result as JMH writes it in its JSON, with its measured iterations when given. */
    private static String jmhRun(String benchmark, String score, double... iterations) {
        String raw = Arrays.stream(iterations).mapToObj(Double::toString).collect(Collectors.joining(","));
        return "{\"benchmark\":\"io.aiojakarta.bench.BridgeBenchmark." + benchmark + "\",\"primaryMetric\":{\"score\":" + score
                + ",\"scoreError\":1.0" + (iterations.length == 0 ? "" : ",\"rawData\":[[" + raw + "]]") + "}}";
    }

    /** Writes JMH result files (name → the runs it holds) and returns the report made from them alone. */
    private static String p4Report(Path dir, Map<String, List<String>> files) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("machine.txt"), "cores: 2\n");
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            Files.writeString(results.resolve(file.getKey()), "[" + String.join(",", file.getValue()) + "]");
        }
        return Files.readString(new BenchReport(results, Files.createDirectories(dir.resolve("docs"))).write());
    }

    static final String PROFILE_SAMPLE = """
            java/lang/Thread.run;io/undertow/server/Connectors.executeRootHandler;org/jboss/resteasy/core/SynchronousDispatcher.invoke;java/util/HashMap.getNode 30
            java/lang/Thread.run;org/xnio/nio/WorkerThread.run;sun/nio/ch/SocketDispatcher.writev0;do_syscall_64_[k] 20
            java/util/concurrent/ForkJoinWorkerThread.run;jdk/internal/misc/Unsafe.park;futex_wait_[k] 10
            start_thread;G1ParScanThreadState::trim_queue 5
            java/lang/Thread.run;io/aiojakarta/bench/MappedResource$Proxy$_$$_WeldClientProxy.coroutine;java/util/HashMap.get 4
            java/lang/Thread.run;io/aiojakarta/interceptors/ViewDispatch.dispatch;io/aiojakarta/bench/MappedResource.coroutine;java/lang/Thread.sleep 3
            java/lang/Thread.run;io/undertow/server/Connectors.executeRootHandler;io/aiojakarta/internal/exec/Greenlets.execute;java/util/HashMap.getNode 8
            """;

    @Test
    void aProfileChargesEachSampleToTheInnermostComponent() {
        CpuProfile profile = CpuProfile.parse(PROFILE_SAMPLE.lines().toList());
        assertEquals(80, profile.samples());
        assertEquals(30, profile.byComponent().get("RESTEasy"), "a JDK leaf under RESTEasy is RESTEasy's");
        assertEquals(20, profile.byComponent().get("XNIO"), "kernel time of an XNIO write is XNIO's");
        assertEquals(15, profile.byComponent().get(CpuProfile.JVM), "no component frame: parking, GC");
        assertEquals(4, profile.byComponent().get("Weld"), "a Weld proxy of a benchmark bean is Weld's");
        assertEquals(3, profile.byComponent().get("benchmark resources"));
        assertEquals(8, profile.byComponent().get("Aiojakarta"), "innermost wins over the Undertow frame outside it");
        assertEquals(0, profile.byComponent().get("Undertow"));
        assertEquals(Map.entry("java/util/HashMap.getNode", 38L), profile.hottest(1).get(0));
    }

    @Test
    void aProfileLineWithoutACountIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CpuProfile.parse(List.of("java/lang/Thread.run;java/lang/Thread.sleep")));
        assertTrue(refused.getMessage().contains("java/lang/Thread.run;java/lang/Thread.sleep"), refused.getMessage());
    }

    @Test
    void aVariantsHeldClassesAreComparedPerRequestWithTheBaselines(@TempDir Path dir) throws Exception {
        ClassHistogram before = histogram(dir, "before", "   1:            10           1000  [B (java.base@25)");
        ClassHistogram variant = histogram(dir, "variant", """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:           110          11000  [B (java.base@25)
                   2:           100           6400  io.aiojakarta.internal.dispatch.Invocation
                Total           210          17400
                """).since(before, 100);
        ClassHistogram baseline = histogram(dir, "baseline", "   1:           110          11000  [B (java.base@25)")
                .since(before, 100);
        assertEquals(64, variant.totalBytes() - baseline.totalBytes(), 0.001, "the byte arrays both held cancel out");
        List<ClassHistogram.Difference> largest = variant.largestOver(baseline, 1);
        assertEquals(1, largest.size());
        assertEquals("io.aiojakarta.internal.dispatch.Invocation", largest.get(0).className());
        assertEquals(64, largest.get(0).bytes(), 0.001);
        assertEquals(1, largest.get(0).instances(), 0.001);
    }

    private static ClassHistogram histogram(Path dir, String name, String text) throws Exception {
        return ClassHistogram.read(Files.writeString(dir.resolve(name + ".txt"), text));
    }

    @Test
    void wrkOutputIsRead() {
        WrkResult result = WrkResult.parse(WRK_SAMPLE);
        assertEquals(9511.46, result.requestsPerSecond());
        assertEquals(102.10, result.p50Millis());
        assertEquals(128.70, result.p99Millis());
        assertEquals(5, result.errors());
    }

    @Test
    void heyOutputIsRead() {
        HeyResult result = HeyResult.parse(HEY_SAMPLE);
        assertEquals(4990.0, result.requestsPerSecond(), 0.001, "200 responses per second, failures left out");
        assertEquals(102.1, result.p50Millis(), 0.001);
        assertEquals(140.2, result.p99Millis(), 0.001);
        assertEquals(49900, result.ok());
        assertEquals(60 + 41, result.failed());
    }

    @Test
    void theReportComparesEachFigureToItsCeilingAndBaseline(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("p1_coroutine_1000.txt"), WRK_SAMPLE);
        Files.writeString(results.resolve("p1_plain-blocking_1000.txt"), WRK_SAMPLE.replace("9511.46", "158.00"));
        // its workers all busy, the blocking server did not answer the first count: wrk's figure stands
        Files.writeString(results.resolve("p1_plain-blocking_1000.window"), "start=\n" + window(100).lines().toList().get(1));
        // rounds at 1,000 connections: the median one counts
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r1.txt"), WRK_SAMPLE.replace("9511.46", "9000.00"));
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r2.txt"), WRK_SAMPLE.replace("9511.46", "9700.00").replace("128.70ms", "131.00ms"));
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r3.txt"), WRK_SAMPLE.replace("9511.46", "9300.00"));
        // with the server's steady windows, the round with the median window counts (r3), and wrk's figure is shown beside it
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r1.window"), window(9_700));
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r2.window"), window(9_400));
        Files.writeString(results.resolve("p1_greenlet-sleep_1000_r3.window"), window(9_500));
        // three rounds each; a run is divided by the baseline's run of its own round (0.68, 1.05, 0.75), and the
        // median of those counts (0.75), not the ratio of the two medians (17,000 ÷ 20,000 = 0.85)
        Files.writeString(results.resolve("p2_plain-blocking_1.txt"), WRK_SAMPLE.replace("9511.46", "25000.00"));
        Files.writeString(results.resolve("p2_plain-blocking_2.txt"), WRK_SAMPLE.replace("9511.46", "20000.00"));
        Files.writeString(results.resolve("p2_plain-blocking_3.txt"), WRK_SAMPLE.replace("9511.46", "12000.00"));
        Files.writeString(results.resolve("p2_coroutine_1.txt"), WRK_SAMPLE.replace("9511.46", "17000.00"));
        Files.writeString(results.resolve("p2_coroutine_2.txt"), WRK_SAMPLE.replace("9511.46", "21000.00"));
        Files.writeString(results.resolve("p2_coroutine_3.txt"), WRK_SAMPLE.replace("9511.46", "9000.00"));
        Files.writeString(results.resolve("p2_plain-on-greenlets_1.txt"), WRK_SAMPLE.replace("9511.46", "18000.00"));
        Files.writeString(results.resolve("p3_coroutine.properties"), "inFlight=10000\nheapBeforeBytes=100000000\n"
                + "heapDuringSamples=160000000 150000000 140000000\nheapDuringBytes=150000000\nthreadsDuring=40\n");
        Files.writeString(results.resolve("p3_wrk_coroutine.txt"), WRK_SAMPLE);
        Files.writeString(results.resolve("p3_plain-stage.properties"), "inFlight=10000\nheapBeforeBytes=100000000\n"
                + "heapDuringSamples=140000000 140000000 140000000\nheapDuringBytes=140000000\nthreadsDuring=60\n");
        Files.writeString(results.resolve("p3-class-histogram-coroutine.txt"), " num     #instances         #bytes  class name (module)\n"
                + "   1:        243487       10688080  [B (java.base@25.0.3)\n");
        Files.writeString(results.resolve("machine.txt"), "cores: 2\n");
        Files.writeString(results.resolve("fixed.properties"), "rate=5000\nconnections=1000\n");
        Files.writeString(results.resolve("fixed_coroutine.txt"), HEY_SAMPLE);
        Files.writeString(results.resolve("profiles.properties"), "seconds=5\nintervalMicros=1000\n");
        Files.writeString(results.resolve("profile-p2-coroutine.collapsed"), PROFILE_SAMPLE);
        Files.writeString(results.resolve("profile-p2-coroutine.txt"), WRK_SAMPLE.replace("9511.46", "16.00"));
        Path stale = Files.createDirectories(dir.resolve("docs/bench/raw")).resolve("jmh.json");
        Files.writeString(stale, "[]"); // an older run's
        Path report = new BenchReport(results, Files.createDirectories(dir.resolve("docs"))).write();
        String md = Files.readString(report);
        assertFalse(Files.exists(stale), "an older run's raw results are not kept next to this run's");
        assertTrue(md.contains("| 1,000 | @AsyncView COROUTINE (EventLoop.sleep) | 9,511 | 95.1 % | 9,511 | 95.1 % | 60.2× | 102.1 | 128.7 | 5 |"), md);
        assertTrue(md.contains("| 1,000 | @AsyncView GREENLET (Thread.sleep) | 9,500 | 95.0 % | 9,300 | 93.0 % | 60.1× |"), md);
        assertTrue(md.contains("| 1,000 | plain RESTEasy, blocking, worker pool | 158 | 1.6 % | 158 | 1.6 % | 1.0× |"), md);
        assertTrue(md.contains("P1 greenlet-sleep at 1,000 connections: 95.0 % of the ceiling (target 95 %: met), p99 128.7 ms "
                + "(target 130 ms: met); the 3 rounds' p99 ranged from 128.7 to 131.0 ms."), md);
        assertTrue(md.contains("the asynchronous variants ran 3 rounds"), md);
        assertTrue(md.contains("P1 coroutine at 1,000 connections: 95.1 % of the ceiling (target 95 %: met), p99 128.7 ms (target 130 ms: met)"), md);
        assertTrue(md.contains("at 100 connections, in 3 rounds"), md);
        assertTrue(md.contains("| plain RESTEasy, blocking, worker pool | 20,000 | 1.00 | – |"), md);
        assertTrue(md.contains("| @AsyncView COROUTINE (EventLoop.sleep) | 17,000 | 0.75 | 0.68–1.05 | 102.10 | 128.70 | missed by 0.15 |"), md);
        assertTrue(md.contains("| @AsyncView COROUTINE (EventLoop.sleep) | 4,990 | 99.8 % | 102.1 | 140.2 | 49,900 | 101 |"), md);
        assertTrue(md.contains("| plain RESTEasy, blocking, on the Aiojakarta server (a greenlet per request, no mapper) | 18,000 | 0.72 | – |"), md);
        // (150 - 100) MB / 10,000 = 4.9 KiB, against (140 - 100) MB / 10,000 = 3.9 KiB for the baseline
        assertTrue(md.contains("| @AsyncView COROUTINE (EventLoop.sleep) | 4.9 KiB | 1.25 | 152.6, 143.1, 133.5 | 40 | 9,511 | "
                + "heap met, threads met |"), md);
        assertTrue(md.contains("| plain RESTEasy, CompletionStage | 3.9 KiB | 1.00 | 133.5, 133.5, 133.5 | 60 | – | baseline |"), md);
        assertTrue(md.contains("   1:        243487       10688080  [B (java.base@25.0.3)\n```"), md);
        // 30 samples of 1 ms over 5 s × 16 req/s = 80 requests: 375 µs per request
        assertTrue(md.contains("| RESTEasy | 375.0 |"), md);
        assertTrue(md.contains("| **total** | **1000.0** |"), md);
        // 16 req/s, and 80 samples of 1 ms of CPU over 5 s: 0.016 of a core
        assertTrue(md.contains("| req/s while profiled | 16 |"), md);
        assertTrue(md.contains("| server cores busy while profiled | 0.02 |"), md);
        assertTrue(md.contains(" 475.00  java/util/HashMap.getNode"), md);
        assertTrue(Files.exists(dir.resolve("docs/bench/raw/p1_coroutine_1000.txt")));
        assertFalse(Files.exists(dir.resolve("docs/bench/raw/profile-p2-coroutine.collapsed")), "profiles are too big for the docs");
    }
}
