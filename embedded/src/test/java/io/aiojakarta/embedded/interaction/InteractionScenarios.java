package io.aiojakarta.embedded.interaction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.Burst;
import io.aiojakarta.embedded.support.Http;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Requests that interact, driven over HTTP only, so that the embedded server and every application
 * server run the same scenarios against {@link InteractionApplication}. Each scenario asserts what it
 * saw; the test classes choose the server and its configuration:
 * <ul>
 *   <li>long polls and nesting: any configuration (nesting is the sharper with a one-thread executor);</li>
 *   <li>queued work: one executor thread and one event loop, so that one body can hold each;</li>
 *   <li>cancellation on the body's own loop: two event loops;</li>
 *   <li>back pressure: {@code aiojakarta.coroutines.max-in-flight=3}.</li>
 * </ul>
 */
public final class InteractionScenarios {

    /** Aiojakarta's answer to a body past its timeout: RFC 9457 problem details. */
    public static final String TIMED_OUT =
            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"timed out\"}";

    private InteractionScenarios() {
    }

    /** One scenario, given a client of the server it runs against. */
    @FunctionalInterface
    public interface Scenario {

        /**
         * Runs the scenario.
         *
         * @param http a client of the server
         * @throws Exception whatever the scenario's requests throw
         */
        void run(Http http) throws Exception;
    }

    /**
     * Runs a scenario with a client of its own, closed afterwards.
     *
     * @param base the application's base URL
     * @param scenario the scenario
     * @throws Exception whatever the scenario throws
     */
    public static void runAgainst(URL base, Scenario scenario) throws Exception {
        try (Http http = new Http(base.toURI())) {
            scenario.run(http);
        }
    }

    private static HttpResponse<String> get(Http http, String path) throws Exception {
        return http.sendAsync(http.request(path).build()).get(15, TimeUnit.SECONDS);
    }

    private static String probe(Http http, String what, String of) {
        HttpResponse<String> response = http.get("probe/" + what + "?of=" + of);
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    // ---- two requests sharing a future ----

    /** Request A waits on {@code waitPath}; request B completes A's future from its own coroutine. */
    private static HttpResponse<String> waitThenComplete(Http http, String waitPath, String key) throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(http.request(waitPath + "?key=" + key + "&id=A").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe(http, "waiting", key).equals("true"));
        HttpResponse<String> completer = http.get("poll/complete?key=" + key + "&id=B");
        assertEquals(200, completer.statusCode(), completer::body);
        assertEquals("B", completer.headers().firstValue("X-Caller").orElse(null));
        return waiting.get(20, TimeUnit.SECONDS);
    }

    /** A's response filters, run after B completed A's future, see A's request scope. */
    public static void responseFiltersOfAWaitingRequestSeeItsOwnRequestScope(Http http) throws Exception {
        HttpResponse<String> response = waitThenComplete(http, "poll/wait", "filters-" + System.nanoTime());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("from B", response.body());
        assertEquals("A", response.headers().firstValue("X-Caller").orElse(null), "A's response filter saw");
    }

    /** The kinds of continuation {@link #continuationRegisteredByAWaitingRequestRunsWithItsContext} takes. */
    public static Stream<String> continuationKinds() {
        return Stream.of("continue", "direct", "adopted");
    }

    /** A continuation A registered runs with A's context, though B's coroutine completes the future. */
    public static void continuationRegisteredByAWaitingRequestRunsWithItsContext(Http http, String kind) throws Exception {
        HttpResponse<String> response = waitThenComplete(http, "poll/" + kind, kind + "-" + System.nanoTime());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("from B seen by A", response.body());
        assertEquals("A", response.headers().firstValue("X-Caller").orElse(null));
    }

    // ---- mapped calls nested in mapped calls ----

    /**
     * Each outer/inner pair with what the inner body reports: its mapper, the kind of thread it ran
     * on (the name without its number) and its request's caller.
     *
     * @param executorThreads the kind of the executor's threads: {@code aio-executor} for
     *     Aiojakarta's own pool, the server's managed executor's otherwise
     * @param requestGreenlets the kind of a request's greenlet, on which a GREENLET body runs inline
     * @return pair, expected report
     */
    public static Stream<Arguments> nestedPairs(String executorThreads, String requestGreenlets) {
        return Stream.of(
                Arguments.of("executor-executor", "executor:" + executorThreads),
                Arguments.of("executor-greenlet", "greenlet:aio-greenlet"),
                Arguments.of("executor-coroutine", "coroutine:aio-loop"),
                Arguments.of("greenlet-executor", "executor:" + executorThreads),
                Arguments.of("greenlet-greenlet", "greenlet:" + requestGreenlets),
                Arguments.of("coroutine-executor", "executor:" + executorThreads),
                Arguments.of("coroutine-greenlet", "greenlet:aio-greenlet"),
                Arguments.of("coroutine-coroutine", "coroutine:aio-loop"));
    }

    /** A mapped body calling another runs it where its mapper says, never waiting on the pool it holds. */
    public static void nestedMappedCallRunsWithoutWaitingOnItsOwnPool(Http http, String pair, String expected) throws Exception {
        HttpResponse<String> response = get(http, "nested/" + pair + "?id=n-" + pair);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(expected + ":n-" + pair, response.body());
    }

    /** Ten concurrent executor bodies, each calling another executor body: all complete, each with its caller. */
    public static void concurrentNestedExecutorCallsAllComplete(Http http, String executorThreads) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(http.sendAsync(http.request("nested/executor-executor?id=c" + i).build()));
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = responses.get(i).get(15, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response::body);
            assertEquals("executor:" + executorThreads + ":c" + i, response.body());
        }
    }

    // ---- work settled while queued ----

    /** One body holds the pool ({@code occupyPath}); the next, queued past its timeout, is answered 503 and never runs. */
    private static void settledWhileQueuedNeverStarts(Http http, String occupyPath, String queuedPath) throws Exception {
        String occupier = "occupier-" + System.nanoTime();
        String id = queuedPath.replace('/', '-') + "-" + System.nanoTime();
        CompletableFuture<HttpResponse<String>> occupying =
                http.sendAsync(http.request(occupyPath + "?ms=1500&id=" + occupier).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe(http, "started", occupier).equals("true"));
        HttpResponse<String> queued = get(http, queuedPath + "?id=" + id);
        assertEquals(503, queued.statusCode(), queued::body);
        assertEquals(TIMED_OUT, queued.body());
        assertEquals(200, occupying.get(10, TimeUnit.SECONDS).statusCode());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> probe(http, "started", id).equals("false"));
    }

    /**
     * Eight coroutines at once against a bound of three in flight: three are served, five are
     * refused the way Aiojakarta refuses (503, {@code Retry-After: 1}, problem details) before their
     * body runs, and a request after them is served again. Needs
     * {@code aiojakarta.coroutines.max-in-flight=3}.
     */
    public static void coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns(Http http) throws Exception {
        String prefix = "bp-" + System.nanoTime() + "-";
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(http.sendAsync(http.request("queued/pause?ms=1500&id=" + prefix + i).build()));
        }
        Burst burst = Burst.of(responses, 20);
        assertEquals(3, burst.served().size(), "as many as the bound ran");
        assertEquals(5, burst.refused().size());
        long started = 0;
        for (int i = 0; i < 8; i++) {
            if (probe(http, "started", prefix + i).equals("true")) {
                started++;
            }
        }
        assertEquals(3, started, "refused bodies never ran");
        assertEquals(200, get(http, "queued/pause?ms=0&id=" + prefix + "after").statusCode(), "recovered");
    }

    /** Needs one executor thread. */
    public static void executorBodyStillQueuedAtItsTimeoutNeverRuns(Http http) throws Exception {
        settledWhileQueuedNeverStarts(http, "queued/occupy", "queued/executor");
    }

    /** Needs one event loop. */
    public static void coroutineBodyStillQueuedAtItsTimeoutNeverRuns(Http http) throws Exception {
        settledWhileQueuedNeverStarts(http, "queued/stall", "queued/coroutine");
    }

    /**
     * A body that ignores its interrupt and runs on past its timeout still finds its request's
     * {@code @RequestScoped} caller alive; the caller is destroyed after the body, exactly once.
     */
    public static void aBodyRunningPastItsTimeoutKeepsItsRequestScopeUntilItEnds(Http http) throws Exception {
        String id = "outlives-" + System.nanoTime();
        HttpResponse<String> response = get(http, "queued/outlives?id=" + id);
        assertEquals(503, response.statusCode(), response::body);
        assertEquals("", probe(http, "outlived", id), "answered while the body still runs");
        await().atMost(Duration.ofSeconds(10)).until(() -> !probe(http, "outlived", id).isEmpty());
        assertEquals("alive " + id, probe(http, "outlived", id), "the request's caller, not yet destroyed");
        assertDestroyedOnce(http, id);
    }

    /** A stage that refuses {@code toCompletableFuture} is answered at its timeout all the same. */
    public static void stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout(Http http) throws Exception {
        HttpResponse<String> response = get(http, "queued/opaque?id=opaque-" + System.nanoTime());
        assertTimedOut(response);
    }

    /** A suspended response nobody resumes is answered at its timeout, with its own request's context. */
    public static void suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout(Http http) throws Exception {
        String id = "suspended-" + System.nanoTime();
        HttpResponse<String> response = get(http, "queued/suspended?id=" + id);
        assertTimedOut(response);
        assertEquals(id, response.headers().firstValue("X-Caller").orElse(null), "answered with its own context");
        assertEquals("true", probe(http, "started", id));
        assertEquals("", probe(http, "cancellation", id));
    }

    private static void assertTimedOut(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response::body);
        assertEquals(TIMED_OUT, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map()::toString);
    }

    // ---- cancellation with several loops ----

    private static void assertCancelledOnItsOwnLoop(Http http, String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !probe(http, "cancellation", id).isEmpty());
        String[] seen = probe(http, "cancellation", id).split("\\|");
        assertTrue(seen[1].startsWith("aio-loop-"), "body ran on " + seen[1]);
        assertEquals(seen[1], seen[0], "the stage's handlers ran on the body's loop");
        assertEquals(id, seen[2], "the stage's handlers saw the request's caller");
        assertDestroyedOnce(http, id);
    }

    /** The request's {@code @RequestScoped} caller is destroyed, and exactly once. */
    private static void assertDestroyedOnce(Http http, String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> probe(http, "destroyed", id).equals("1"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> probe(http, "destroyed", id).equals("1")); // once, not again
    }

    /**
     * A coroutine past its timeout has its stage cancelled on the loop its body ran on, with its
     * context; its request's {@code @RequestScoped} instances are destroyed once.
     */
    public static void timeoutCancelsTheStageOnItsOwnLoopWithItsContext(Http http) throws Exception {
        String id = "timeout-" + System.nanoTime();
        HttpResponse<String> response = get(http, "queued/cancelled?id=" + id);
        assertEquals(503, response.statusCode(), response::body);
        assertCancelledOnItsOwnLoop(http, id);
    }

    /**
     * A coroutine whose client leaves has its stage cancelled on the loop its body ran on, with its
     * context; its request's {@code @RequestScoped} instances are destroyed once. The socket closes
     * as soon as the body has started: a client gone before the server watches for it is seen when
     * it starts watching.
     */
    public static void disconnectCancelsTheStageOnItsOwnLoopWithItsContext(Http http) throws Exception {
        String id = "gone-" + System.nanoTime();
        URI target = http.base().resolve("queued/abandoned?id=" + id);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\nHost: " + target.getHost()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> probe(http, "started", id).equals("true"));
        }
        assertCancelledOnItsOwnLoop(http, id);
    }
}
