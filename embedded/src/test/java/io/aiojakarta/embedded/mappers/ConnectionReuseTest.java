package io.aiojakarta.embedded.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.RawHttpConnection;
import io.aiojakarta.embedded.support.RawHttpConnection.Response;
import java.util.ArrayList;
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

    /** One request per mapper, each with the start of the body it answers. */
    private static final List<String[]> ROUND = List.of(
            new String[] {"/plain", "aio-greenlet-"},
            new String[] {"/threads/coroutine", "aio-loop-1 platform"},
            new String[] {"/threads/executor", "aio-executor-"},
            new String[] {"/threads/greenlet", "aio-greenlet-"});

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
        try (RawHttpConnection connection = new RawHttpConnection(server.uri())) {
            for (int i = 0; i < 1000; i++) {
                String[] request = ROUND.get(i % ROUND.size());
                connection.sendGets(List.of(request[0]));
                assertAnswered(connection.read(), request, "request " + i);
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int requests = 200;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            paths.add(ROUND.get(i % ROUND.size())[0]);
        }
        try (RawHttpConnection connection = new RawHttpConnection(server.uri())) {
            connection.sendGets(paths); // every request sent before any answer
            for (int i = 0; i < requests; i++) {
                assertAnswered(connection.read(), ROUND.get(i % ROUND.size()), "response " + i);
            }
        }
    }

    private static void assertAnswered(Response response, String[] request, String which) {
        assertEquals("HTTP/1.1 200 OK", response.statusLine(), which + " to " + request[0]);
        assertTrue(response.body().startsWith(request[1]), which + " to " + request[0] + " was " + response.body());
    }
}
