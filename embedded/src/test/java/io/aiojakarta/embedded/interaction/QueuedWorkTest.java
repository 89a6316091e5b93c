package io.aiojakarta.embedded.interaction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work settled before it started never starts: a body still queued behind a busy executor or a
 * stalled loop when its timeout fires is answered 503 and never runs; a suspended response nobody
 * resumes is answered at its timeout.
 */
@Timeout(60)
class QueuedWorkTest {

    /** Aiojakarta's answer to a body past its timeout: RFC 9457 problem details. */
    private static final String TIMED_OUT =
            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"timed out\"}";

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("aiojakarta.executor.max-threads", "1", "aiojakarta.executor.queue-size", "20",
                "aiojakarta.event-loop.blocked-warning-millis", "0"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static void settledWhileQueuedNeverStarts(String occupyPath, String queuedPath) throws Exception {
        String id = queuedPath + "-" + System.nanoTime();
        QueuedResource.occupied = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> occupying = http.sendAsync(http.request(occupyPath + "?ms=1500").build());
        assertTrue(QueuedResource.occupied.await(10, TimeUnit.SECONDS), "the pool is held");
        HttpResponse<String> queued = http.sendAsync(http.request(queuedPath + "?id=" + id).build()).get(10, TimeUnit.SECONDS);
        assertEquals(503, queued.statusCode(), queued::body);
        assertEquals(TIMED_OUT, queued.body());
        assertEquals(200, occupying.get(10, TimeUnit.SECONDS).statusCode());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> !QueuedResource.STARTED.contains(id));
    }

    @Test
    void executorBodyStillQueuedAtItsTimeoutNeverRuns() throws Exception {
        settledWhileQueuedNeverStarts("queued/occupy", "queued/executor");
    }

    @Test
    void coroutineBodyStillQueuedAtItsTimeoutNeverRuns() throws Exception {
        settledWhileQueuedNeverStarts("queued/stall", "queued/coroutine");
    }

    @Test
    void aBodyStillRunningAfterItsTimeoutFindsItsRequestScopedInstancesAliveAndTheyAreDestroyedAfterIt() throws Exception {
        String id = "outlives-" + System.nanoTime();
        HttpResponse<String> response = http.sendAsync(http.request("queued/outlives?id=" + id).build()).get(10, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode(), response::body);
        assertFalse(QueuedResource.OUTLIVED.containsKey(id), "answered while the body still runs");
        await().atMost(Duration.ofSeconds(10)).until(() -> QueuedResource.OUTLIVED.containsKey(id));
        assertEquals("alive " + id, QueuedResource.OUTLIVED.get(id), "the request's caller, not yet destroyed");
        await().atMost(Duration.ofSeconds(10)).until(() -> Caller.DESTROYED_BY_ID.containsKey(id));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> Caller.DESTROYED_BY_ID.get(id) == 1); // once, not again
    }

    @Test
    void stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout() throws Exception {
        String id = "opaque-" + System.nanoTime();
        HttpResponse<String> response = http.sendAsync(http.request("queued/opaque?id=" + id).build()).get(10, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode(), response::body);
        assertEquals(TIMED_OUT, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map()::toString);
        await().atMost(Duration.ofSeconds(5)).until(() -> Mbeans.attribute("InFlight") == 0);
    }

    @Test
    void suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout() throws Exception {
        String id = "suspended-" + System.nanoTime();
        HttpResponse<String> response = http.sendAsync(http.request("queued/suspended?id=" + id).build()).get(10, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode(), response::body);
        assertEquals(TIMED_OUT, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map()::toString);
        assertEquals(id, response.headers().firstValue("X-Caller").orElse(null), "answered with its own context");
        assertTrue(QueuedResource.STARTED.contains(id));
        assertFalse(QueuedResource.CANCELLATIONS.containsKey(id));
    }
}
