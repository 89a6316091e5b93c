package io.aiojakarta.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat endpoint with two real WebSocket clients. */
@Timeout(60)
class ChatTest {

    private static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(20, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 20 s");
            }
            return message;
        }
    }

    @Test
    void aMessageIsBroadcastToEveryoneInTheRoom() throws Exception {
        try (AioServer server = AioServer.builder().application(StarterApplication.class).port(0).start();
                HttpClient http = HttpClient.newHttpClient()) {
            URI socket = URI.create("ws://127.0.0.1:" + server.port() + "/chat/socket");
            Inbox first = new Inbox();
            Inbox second = new Inbox();
            WebSocket a = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(socket, first).join();
            assertEquals("* someone joined (1 online)", first.next());
            WebSocket b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(socket, second).join();
            assertEquals("* someone joined (2 online)", first.next());
            assertEquals("* someone joined (2 online)", second.next());

            a.sendText("alice: hi", true).join();
            assertEquals("alice: hi", first.next());
            assertEquals("alice: hi", second.next());

            a.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            assertEquals("* someone left (1 online)", second.next());
            b.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            assertTrue(second.messages.isEmpty() || second.next().startsWith("*"));
        }
    }
}
