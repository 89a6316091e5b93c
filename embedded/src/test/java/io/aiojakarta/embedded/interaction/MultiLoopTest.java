package io.aiojakarta.embedded.interaction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * With two event loops, a cancelled coroutine's stage is cancelled on the loop its body ran on,
 * with its request's context: by a timeout and by a client that leaves.
 */
@Timeout(60)
class MultiLoopTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("aiojakarta.event-loop.threads", "2"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static void assertCancelledOnItsOwnLoop(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> QueuedResource.CANCELLATIONS.containsKey(id));
        String[] seen = QueuedResource.CANCELLATIONS.get(id).split("\\|");
        assertTrue(seen[1].startsWith("aio-loop-"), "body ran on " + seen[1]);
        assertEquals(seen[1], seen[0], "the stage's handlers ran on the body's loop");
        assertEquals(id, seen[2], "the stage's handlers saw the request's caller");
    }

    @RepeatedTest(3)
    void timeoutCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        String id = "timeout-" + System.nanoTime();
        HttpResponse<String> response = http.sendAsync(http.request("queued/cancelled?id=" + id).build()).get(10, TimeUnit.SECONDS);
        assertEquals(503, response.statusCode(), response::body);
        assertCancelledOnItsOwnLoop(id);
    }

    @RepeatedTest(3)
    void disconnectCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        String id = "gone-" + System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /queued/abandoned?id=" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> QueuedResource.STARTED.contains(id));
            // closed at once: a client gone before its watch starts (100 ms after the request asks) is seen when it starts
        }
        assertCancelledOnItsOwnLoop(id);
    }
}
