package io.aiojakarta.embedded.interaction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request A waits on a future that request B completes from its own coroutine: A's response
 * processing and A's continuations see A, never B.
 */
@Timeout(60)
class LongPollTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static HttpResponse<String> waitThenComplete(String waitPath, String key) throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(http.request(waitPath + "?key=" + key + "&id=A").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> Mailbox.waiting(key));
        HttpResponse<String> completer = http.get("poll/complete?key=" + key + "&id=B");
        assertEquals(200, completer.statusCode(), completer::body);
        assertEquals("B", completer.headers().firstValue("X-Caller").orElse(null));
        return waiting.get(20, TimeUnit.SECONDS);
    }

    @Test
    void responseFiltersOfAWaitingRequestSeeItsOwnRequestScope() throws Exception {
        HttpResponse<String> response = waitThenComplete("poll/wait", "filters-" + System.nanoTime());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("from B", response.body());
        assertEquals("A", response.headers().firstValue("X-Caller").orElse(null), "A's response filter saw");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"continue", "direct", "adopted"})
    void continuationRegisteredByAWaitingRequestRunsWithItsContext(String kind) throws Exception {
        HttpResponse<String> response = waitThenComplete("poll/" + kind, kind + "-" + System.nanoTime());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("from B seen by A", response.body());
        assertEquals("A", response.headers().firstValue("X-Caller").orElse(null));
    }
}
