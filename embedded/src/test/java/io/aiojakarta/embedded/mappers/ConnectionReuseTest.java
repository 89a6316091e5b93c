package io.aiojakarta.embedded.mappers;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.ConnectionReuseChecks;
import io.aiojakarta.embedded.support.ConnectionReuseChecks.Expected;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests served on greenlets hand their connection back to Undertow's I/O thread when they end:
 * one connection carries request after request, and requests pipelined on it are answered in order,
 * whichever mapper (or none) serves each of them.
 */
@Timeout(120)
class ConnectionReuseTest {

    private static final List<Expected> ROUND = List.of(
            new Expected("plain", "aio-greenlet-"),
            new Expected("threads/coroutine", "aio-loop-1 platform"),
            new Expected("threads/executor", "aio-executor-"),
            new Expected("threads/greenlet", "aio-greenlet-"));

    private static AioServer server;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(MappersApplication.class).port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneConnectionServesAThousandRequestsInTurn() throws Exception {
        ConnectionReuseChecks.inTurn(server.uri(), ROUND, 1000);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        ConnectionReuseChecks.pipelined(server.uri(), ROUND, 200);
    }
}
