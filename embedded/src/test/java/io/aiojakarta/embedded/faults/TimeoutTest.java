package io.aiojakarta.embedded.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body past its timeout: the client gets 503 at once and the body sees its work cancelled. */
@Timeout(60)
class TimeoutTest {

    /** Aiojakarta's answer to a body past its timeout: RFC 9457 problem details. */
    private static final String TIMED_OUT =
            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"timed out\"}";

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(FaultsApplication.class).port(0).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void timeoutAnswers503AndCancelsTheWork(String mapper) {
        String id = mapper + "-" + System.nanoTime();
        long timeouts = Mbeans.attribute("Timeouts");
        long cancellations = Mbeans.attribute("Cancellations");
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("slow/" + mapper + "?id=" + id);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, response.statusCode(), response::body);
        assertEquals(TIMED_OUT, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map()::toString);
        assertTrue(millis < 4000, "answered after " + millis + " ms, not after the body's 5 s");
        await().atMost(Duration.ofSeconds(5)).until(() -> SlowResource.CANCELLED.contains(id));
        assertEquals(timeouts + 1, Mbeans.attribute("Timeouts"), "the timeout is counted over JMX");
        assertEquals(cancellations + 1, Mbeans.attribute("Cancellations"), "the cancellation is counted over JMX");
    }
}
