package io.aiojakarta.example;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.RawHttpConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every endpoint of the starter application, over real HTTP on the embedded server. */
@Timeout(60)
class ExampleEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AioServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(StarterApplication.class).port(0).start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = server.uri().resolve(path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void indexPageExplainsEveryEndpoint() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (String endpoint : new String[] {"hello", "legacy/report", "fanout", "fanout/greenlet", "X-Motd"}) {
            assertTrue(page.body().contains(endpoint), () -> "the page does not mention " + endpoint);
        }
    }

    @Test
    void helloSleepsOnTheEventLoop() throws Exception {
        long start = System.nanoTime();
        JsonNode greeting = json("hello?sleep=0.3");
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Hello world!", greeting.get("title").asText());
        assertEquals(0.3, greeting.get("slept").asDouble());
        assertEquals("aio-loop-1", greeting.get("thread").asText());
        assertTrue(elapsed >= 290, "answered after " + elapsed + " ms");
    }

    @Test
    void helloRejectsANegativeSleep() throws Exception {
        assertEquals(400, get("hello?sleep=-1").statusCode());
    }

    @Test
    void legacyReportRunsOnTheExecutor() throws Exception {
        JsonNode report = json("legacy/report?millis=50");
        assertEquals("quarterly", report.get("name").asText());
        assertEquals(50, report.get("queryMillis").asLong());
        assertTrue(report.get("thread").asText().matches("aio-executor-\\d+"), report.toString());
    }

    @Test
    void runtimeFiguresAreTheRuntimesOwn() throws Exception {
        JsonNode figures = json("runtime");
        for (String name : new String[] {"loopLagMillis", "greenletsAlive", "coroutinesInFlight", "executorQueued",
                "executorActive", "timeouts", "cancellations"}) {
            assertTrue(figures.get("runtime").has(name), () -> "no " + name + " in " + figures);
        }
        // this very request runs on a greenlet, so the runtime counts at least one alive
        assertTrue(figures.get("runtime").get("greenletsAlive").asLong() >= 1, figures.toString());
        assertTrue(figures.get("rejections").isNumber(), figures.toString());
    }

    @Test
    void aLoadRunReportsItsLatenciesAndThreads() throws Exception {
        JsonNode run = json("load?target=coroutine&requests=20");
        assertEquals(20, run.get("requests").asInt());
        assertEquals(0, run.get("failed").asInt());
        assertEquals(1, run.get("distinctThreads").asInt(), run.toString());
        assertTrue(run.get("threads").has("aio-loop-1"), run.toString());
        assertTrue(run.get("p50Millis").asDouble() >= 990, "each call waits one second: " + run);
    }

    @Test
    void aSecondLoadRunWhileOneIsGoingOnIsTooManyRequests() throws Exception {
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("load?target=coroutine&requests=100")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the run is a coroutine: once one is in flight, the first run has begun
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> json("runtime").get("runtime").get("coroutinesInFlight").asInt() > 0);
        HttpResponse<String> second = get("load?target=blocking&requests=10");
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("10", second.headers().firstValue("Retry-After").orElse(""));
        assertTrue(second.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(200, first.get(60, TimeUnit.SECONDS).statusCode());
        assertEquals(200, get("load?target=coroutine&requests=5").statusCode(), "the next run may go once it is over");
    }

    @Test
    void aLoadRunRefusesAnUnknownTargetByName() throws Exception {
        HttpResponse<String> refused = get("load?target=everything");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("everything"), refused.body());
        assertEquals(400, get("load?target=coroutine&requests=100000").statusCode());
    }

    @Test
    void upstreamAnswersAfterItsDelay() throws Exception {
        JsonNode quote = json("upstream/zeta?delay=20");
        assertEquals("zeta", quote.get("name").asText());
        assertEquals(20, quote.get("delayMillis").asLong());
    }

    @Test
    void coroutineFanOutTakesAboutOneUpstreamDelayNotThree() throws Exception {
        json("fanout?delay=1"); // warms the client up: its first connections are not what is measured
        assertFanOut(json("fanout?delay=500"), "aio-loop-1");
    }

    @Test
    void greenletFanOutTakesAboutOneUpstreamDelayNotThree() throws Exception {
        json("fanout/greenlet?delay=1");
        JsonNode combined = json("fanout/greenlet?delay=500");
        assertFanOut(combined, combined.get("thread").asText());
        assertTrue(combined.get("thread").asText().matches("aio-greenlet-\\d+"), combined.toString());
    }

    @Test
    void aBadRequestIsAnsweredAsProblemDetails() throws Exception {
        HttpResponse<String> response = get("hello?sleep=-1");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals("Bad Request", problem.get("title").asText());
        assertEquals(400, problem.get("status").asInt());
        assertEquals("sleep must be from 0 to 60 seconds", problem.get("detail").asText());
    }

    @Test
    void aForgedHostHeaderDoesNotChooseWhereTheFanOutCalls() throws Exception {
        for (String path : List.of("/fanout?delay=1", "/fanout/greenlet?delay=1")) {
            try (RawHttpConnection raw = new RawHttpConnection(server.uri())) {
                raw.sendGet(path, "unreachable.invalid:9");
                RawHttpConnection.Response response = raw.read();
                assertTrue(response.statusLine().contains(" 200 "), () -> path + ": " + response.statusLine() + " " + response.body());
                JsonNode combined = JSON.readTree(response.body());
                assertEquals(3, combined.get("quotes").size(), response::body);
            }
        }
    }

    @Test
    void twoHundredConcurrentFanOutsEachTakeAboutOneUpstreamDelay() throws Exception {
        json("fanout?delay=1");
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 200)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(server.uri().resolve("fanout?delay=300"))
                        .timeout(Duration.ofSeconds(50)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        long slowest = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(55, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response::body);
            slowest = Math.max(slowest, JSON.readTree(response.body()).get("elapsedMillis").asLong());
        }
        // 600 upstream calls of 300 ms: a client that keeps five in flight needs 36 s for the last
        // fan-out; one that keeps them all in flight a little over 300 ms (10 s leaves room for a
        // loaded machine)
        assertTrue(slowest < 10_000, "the slowest of 200 concurrent fan-outs took " + slowest + " ms");
    }

    private static void assertFanOut(JsonNode combined, String thread) {
        assertEquals(3, combined.get("quotes").size());
        assertEquals("alpha", combined.get("quotes").get(0).get("name").asText());
        assertEquals("beta", combined.get("quotes").get(1).get("name").asText());
        assertEquals("gamma", combined.get("quotes").get(2).get("name").asText());
        long elapsed = combined.get("elapsedMillis").asLong();
        // sequential calls take 1,500 ms; concurrent ones one delay plus overhead: closer to one delay
        // than to three means under 1,000 ms
        assertTrue(elapsed >= 500 && elapsed < 1000, "fan-out took " + elapsed + " ms for three 500 ms upstreams");
        assertEquals(thread, combined.get("thread").asText());
    }

    @Test
    void legacyFilterAddsTheAsynchronouslyFetchedMessage() throws Exception {
        HttpResponse<String> response = get("upstream/delta?delay=10");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("X-Motd").orElse("").startsWith("have a non-blocking "),
                response.headers().map().toString());
    }
}
