package io.aiojakarta.embedded.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.WebSocketClosedException;
import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.LogCapture;
import io.aiojakarta.embedded.support.RawWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WebSocket connections and mapped endpoints on the embedded server, driven by a real client. */
@Timeout(120)
class WebSocketTest {

    private static AioServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(WebSocketApplication.class).port(0).start();
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
    void aThousandMessagesAreEchoedInOrderFromTheLoop() throws Exception {
        try (Client client = new Client(http, ws("/ws/echo"))) {
            List<String> sent = IntStream.range(0, 1000).mapToObj(i -> "message-" + i).toList();
            client.sendAll(sent);
            for (String message : sent) {
                assertEquals(message + "@aio-loop-1", client.next());
            }
        }
    }

    @Test
    void binaryMessagesAreEchoed() throws Exception {
        try (Client client = new Client(http, ws("/ws/echo"))) {
            byte[] payload = new byte[70_000];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) i;
            }
            client.socket.sendBinary(ByteBuffer.wrap(payload), true).join();
            assertArrayEquals(payload, (byte[]) client.next());
        }
    }

    @Test
    void twoHundredConcurrentConnectionsEachGetExactlyTheirOwnReplies() throws Exception {
        int connections = 200;
        int perConnection = 20;
        List<Client> clients = new ArrayList<>();
        try {
            List<CompletableFuture<Client>> opening = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                opening.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return new Client(http, ws("/ws/echo"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<Client> open : opening) {
                clients.add(open.get(60, TimeUnit.SECONDS));
            }
            for (int m = 0; m < perConnection; m++) {
                for (int c = 0; c < connections; c++) {
                    clients.get(c).socket.sendText("c" + c + "-m" + m, true).join();
                }
            }
            int wrong = 0;
            for (int c = 0; c < connections; c++) {
                for (int m = 0; m < perConnection; m++) {
                    if (!("c" + c + "-m" + m + "@aio-loop-1").equals(clients.get(c).next())) {
                        wrong++;
                    }
                }
                assertTrue(clients.get(c).received.isEmpty(), "no extra message for connection " + c);
            }
            assertEquals(0, wrong, "replies that reached the wrong connection or came out of order");
        } finally {
            clients.forEach(Client::close);
        }
    }

    @Test
    void closingMidStreamMakesTheNextSendFailWithWebSocketClosedAndLeaksNoSession() throws Exception {
        SlowReplyConnection.ERRORS.clear();
        int openBefore = SlowReplyConnection.OPEN.get();
        Client client = new Client(http, ws("/ws/slow"));
        await().atMost(Duration.ofSeconds(10)).until(() -> SlowReplyConnection.OPEN.get() == openBefore + 1);
        client.socket.sendText("question", true).join();
        client.close(); // before the 300 ms reply
        await().atMost(Duration.ofSeconds(10)).until(() -> !SlowReplyConnection.ERRORS.isEmpty());
        Throwable failure = SlowReplyConnection.ERRORS.peek();
        assertInstanceOf(WebSocketClosedException.class, failure, () -> String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("AIOJ-0603"), failure.getMessage());
        assertEquals(1, SlowReplyConnection.ERRORS.size());
        assertTrue(!SlowReplyConnection.SENT.contains("question"), "the reply was never sent");
        await().atMost(Duration.ofSeconds(10)).until(() -> SlowReplyConnection.OPEN.get() == openBefore);
    }

    @Test
    void aPeerThatLeftIsLoggedAsOneInfoLineWithoutAStackTrace() throws Exception {
        try (LogCapture log = LogCapture.of("io.aiojakarta.websocket")) {
            Client client = new Client(http, ws("/ws/slow-unhandled"));
            client.socket.sendText("question", true).join();
            client.close(); // before the 300 ms reply
            await().atMost(Duration.ofSeconds(10)).until(() -> log.messages().stream().anyMatch(m -> m.contains("AIOJ-0611")));
            LogRecord record = log.records().stream().filter(r -> r.getMessage().contains("AIOJ-0611")).findFirst().orElseThrow();
            assertEquals(Level.INFO, record.getLevel(), record::getMessage);
            assertNull(record.getThrown(), "no stack trace for a peer that went away");
            assertTrue(log.messages().stream().anyMatch(m -> m.contains(UnhandledSlowReplyConnection.class.getName())
                    && m.contains("the peer went away")), log.messages()::toString);
        }
    }

    @Test
    void anEmptyCloseFrameIsAnsweredWithANormalCloseFrame() throws Exception {
        for (String path : List.of("/ws/echo", "/ws/plain")) {
            try (RawWebSocket raw = RawWebSocket.connect(ws(path))) {
                raw.send(RawWebSocket.CLOSE, new byte[0]);
                RawWebSocket.Frame reply = raw.next();
                assertTrue(reply != null && reply.opcode() == RawWebSocket.CLOSE, path + ": a close frame back, not a dropped connection");
                assertEquals(1000, reply.closeCode(), path);
            }
        }
    }

    @Test
    void aForbiddenCloseCodeIsAnsweredWithProtocolErrorAndLoggedAsOneInfoLine() throws Exception {
        try (LogCapture log = LogCapture.of("io.aiojakarta.websocket");
                RawWebSocket raw = RawWebSocket.connect(ws("/ws/echo"))) {
            raw.send(RawWebSocket.TEXT, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("hello@aio-loop-1", raw.next().text());
            raw.sendClose(1005); // reserved: never sent on the wire
            RawWebSocket.Frame reply = raw.next();
            assertTrue(reply != null && reply.opcode() == RawWebSocket.CLOSE, "a close frame back");
            assertEquals(1002, reply.closeCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> log.messages().stream().anyMatch(m -> m.contains("AIOJ-0611")));
            for (LogRecord record : log.records()) {
                assertEquals(Level.INFO, record.getLevel(), record::getMessage);
                assertNull(record.getThrown(), record::getMessage);
            }
        }
    }

    @Test
    void withIgnoreWebSocketClosedTheFailedSendIsSwallowed() throws Exception {
        IgnoringSlowReplyConnection.ERRORS.clear();
        Client client = new Client(http, ws("/ws/slow-ignoring"));
        client.socket.sendText("question", true).join();
        client.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> IgnoringSlowReplyConnection.ATTEMPTED.contains("question"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(IgnoringSlowReplyConnection.ERRORS::isEmpty);
    }

    @Test
    void aMappedCoroutineCallbackRepliesInOrderFromTheLoop() throws Exception {
        try (Client client = new Client(http, ws("/ws/plain"))) {
            List<String> sent = IntStream.range(0, 200).mapToObj(i -> "plain-" + i).toList();
            client.sendAll(sent);
            for (String message : sent) {
                assertEquals(message + "@aio-loop-1", client.next());
            }
        }
    }

    @Test
    void aMappedBlockingCallbackRunsOnTheExecutor() throws Exception {
        try (Client client = new Client(http, ws("/ws/blocking"))) {
            client.sendAll(List.of("one", "two", "three"));
            assertEquals("one@aio-executor", client.next());
            assertEquals("two@aio-executor", client.next());
            assertEquals("three@aio-executor", client.next());
        }
    }
}
