package io.aiojakarta.embedded.isolation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 1,000 concurrent requests on each of the four mappers, each with its own principal: each sees
 * only its own request-scoped bean, query parameter, header and security context (principal), the
 * application's class loader, and every request-scoped instance is destroyed exactly once.
 */
@Timeout(120)
class IsolationTest {

    private static final int REQUESTS = 1000;

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(IsolationApplication.class).port(0).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"coroutine,aio-loop", "greenlet,aio-greenlet", "executor,aio-executor", "default,aio-executor"})
    void concurrentRequestsSeeOnlyTheirOwnContextAndAreDestroyedOnce(String mapper, String thread) throws Exception {
        int tagsBefore = RequestTag.DESTROYED.get();
        int scratchBefore = HopScratch.DESTROYED.get();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            responses.add(http.sendAsync(http.request("iso/" + mapper + "?id=" + i).header("X-Id", String.valueOf(i))
                    .header("X-User", "user-" + i).build()));
        }
        int crossTalk = 0;
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = responses.get(i).get(90, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response::body);
            String expected = i + "|" + i + "|" + i + "|" + i + "|" + thread + "|true|false|user-" + i;
            if (!expected.equals(response.body())
                    || !("scratch-" + i).equals(response.headers().firstValue("X-Scratch").orElse(""))) {
                crossTalk++;
                if (samples.size() < 5) {
                    samples.add("expected " + expected + " scratch-" + i + ", got " + response.body() + " "
                            + response.headers().firstValue("X-Scratch").orElse(""));
                }
            }
        }
        assertEquals(0, crossTalk, () -> "responses that saw another request's data: " + samples);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(REQUESTS, RequestTag.DESTROYED.get() - tagsBefore, "RequestTag @PreDestroy calls");
            assertEquals(REQUESTS, HopScratch.DESTROYED.get() - scratchBefore, "HopScratch @PreDestroy calls");
        });
        // and not one more: the counts hold still for a while
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                RequestTag.DESTROYED.get() - tagsBefore == REQUESTS && HopScratch.DESTROYED.get() - scratchBefore == REQUESTS);
    }
}
