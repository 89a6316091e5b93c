package io.aiojakarta.embedded.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Order within one connection: close goes out after the sends made before it, transport errors
 * reach onError after the hooks before them, and a flooding client is told to come back later.
 */
@Timeout(60)
class ConnectionOrderTest {

    private static AioServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        Map<String, String> configuration = Map.of("aiojakarta.websocket.max-pending-messages", "5");
        configuration.forEach(System::setProperty);
        try {
            server = AioServer.builder().application(WebSocketApplication.class).port(0).start();
        } finally {
            configuration.keySet().forEach(System::clearProperty);
        }
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    @Test
    void closeGoesOutAfterTheSendsBeforeItAndCompletesOnceClosed() throws Exception {
        String id = String.valueOf(System.nanoTime());
        try (Client client = new Client(http, ws("/ws/farewell"))) {
            client.socket.sendText("bye " + id, true).join();
            assertEquals(2_000_000, ((String) client.next()).length(), "the large message first");
            assertEquals("last words " + id, client.next(), "then the small one, not lost");
            Client.Closed closed = assertInstanceOf(Client.Closed.class, client.next(), "then the close frame");
            assertEquals(1000, closed.code()); // the client answers the close frame, ending the handshake
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                FarewellConnection.CLOSE_COMPLETED.contains(id + " after the sends"), FarewellConnection.CLOSE_COMPLETED::toString));
    }

    @Test
    void aTransportErrorReachesOnErrorAfterTheHookBeforeIt() throws Exception {
        OrderedErrorsConnection.EVENTS.clear();
        try (Client client = new Client(http, ws("/ws/ordered-errors"))) {
            client.socket.sendText("slow", true).join();
            await().atMost(Duration.ofSeconds(10)).until(() -> OrderedErrorsConnection.EVENTS.contains("start slow"));
            client.socket.sendText("y".repeat(10_000), true).join(); // over the 64-character buffer: an error
            await().atMost(Duration.ofSeconds(10)).until(() -> OrderedErrorsConnection.EVENTS.contains("error"));
        }
        assertEquals(List.of("start slow", "end slow", "error"), OrderedErrorsConnection.EVENTS);
    }

    @Test
    void aClientFloodingMessagesIsClosedWith1013() throws Exception {
        try (Client client = new Client(http, ws("/ws/flooded"))) {
            for (int i = 0; i < 50 && !client.socket.isOutputClosed(); i++) {
                try {
                    client.socket.sendText("m" + i, true).join();
                } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                    break; // the server closed the connection: the client answered and may send no more
                }
            }
            List<Object> received = new ArrayList<>();
            Object message;
            do {
                message = client.next();
                received.add(message);
            } while (!(message instanceof Client.Closed));
            Client.Closed closed = (Client.Closed) message;
            assertEquals(1013, closed.code(), received::toString);
            assertTrue(received.size() < 50, "closed before every message was handled: " + received.size());
        }
    }
}
