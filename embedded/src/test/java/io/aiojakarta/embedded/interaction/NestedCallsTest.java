package io.aiojakarta.embedded.interaction;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> pairs() {
        return InteractionScenarios.nestedPairs("aio-executor", "aio-greenlet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void nestedMappedCallRunsWithoutWaitingOnItsOwnPool(String pair, String expected) throws Exception {
        InteractionScenarios.nestedMappedCallRunsWithoutWaitingOnItsOwnPool(http, pair, expected);
    }

    @Test
    void concurrentNestedExecutorCallsOnOneThreadAllComplete() throws Exception {
        InteractionScenarios.concurrentNestedExecutorCallsAllComplete(http, "aio-executor");
    }
}
