package io.aiojakarta.embedded.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that one HTTP/1.1 connection keeps serving requests: in turn, and pipelined. Each
 * expected request is a path (relative to the server's root) and the start of the body it answers;
 * the requests cycle through them.
 */
public final class ConnectionReuseChecks {

    /** A request and the start of its answer. */
    public record Expected(String path, String bodyStart) {
    }

    private ConnectionReuseChecks() {
    }

    /**
     * Sends the requests one after the other on one connection, each after the previous answer.
     *
     * @param server the server's root URI
     * @param round the requests to cycle through
     * @param requests how many requests in all
     * @throws Exception when the connection fails
     */
    public static void inTurn(URI server, List<Expected> round, int requests) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server)) {
            for (int i = 0; i < requests; i++) {
                Expected expected = round.get(i % round.size());
                connection.sendGets(List.of(server.getPath() + expected.path()));
                assertAnswered(connection.read(), expected, "request " + i);
            }
        }
    }

    /**
     * Sends every request before reading any answer, then checks the answers come in order.
     *
     * @param server the server's root URI
     * @param round the requests to cycle through
     * @param requests how many requests in all
     * @throws Exception when the connection fails
     */
    public static void pipelined(URI server, List<Expected> round, int requests) throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            paths.add(server.getPath() + round.get(i % round.size()).path());
        }
        try (RawHttpConnection connection = new RawHttpConnection(server)) {
            connection.sendGets(paths);
            for (int i = 0; i < requests; i++) {
                assertAnswered(connection.read(), round.get(i % round.size()), "response " + i);
            }
        }
    }

    private static void assertAnswered(RawHttpConnection.Response response, Expected expected, String which) {
        assertEquals("HTTP/1.1 200 OK", response.statusLine(), which + " to " + expected.path());
        assertTrue(response.body().startsWith(expected.bodyStart()), which + " to " + expected.path() + " was " + response.body());
    }
}
