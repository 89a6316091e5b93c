package io.aiojakarta.embedded.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A mapped body calling another mapped body, with a one-thread executor: no pool ever waits on
 * itself, and the nested body sees the request's own context.
 */
@Timeout(60)
class NestedCallsTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("aiojakarta.executor.max-threads", "1", "aiojakarta.executor.queue-size", "20"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.sendAsync(http.request(path).build()).get(15, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "executor-executor, executor:aio-executor",
        "executor-greenlet, greenlet:aio-greenlet",
        "executor-coroutine, coroutine:aio-loop",
        "greenlet-executor, executor:aio-executor",
        "greenlet-greenlet, greenlet:aio-greenlet",
        "coroutine-executor, executor:aio-executor",
        "coroutine-greenlet, greenlet:aio-greenlet",
        "coroutine-coroutine, coroutine:aio-loop"})
    void nestedMappedCallRunsWithoutWaitingOnItsOwnPool(String pair, String expected) throws Exception {
        HttpResponse<String> response = get("nested/" + pair + "?id=n-" + pair);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(expected + ":n-" + pair, response.body());
    }

    @Test
    void concurrentNestedExecutorCallsOnOneThreadAllComplete() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(http.sendAsync(http.request("nested/executor-executor?id=c" + i).build()));
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = responses.get(i).get(15, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response::body);
            assertEquals("executor:aio-executor:c" + i, response.body());
        }
    }
}
