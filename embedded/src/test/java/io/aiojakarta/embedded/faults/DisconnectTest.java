package io.aiojakarta.embedded.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.LogCapture;
import io.aiojakarta.embedded.support.Mbeans;
import io.aiojakarta.embedded.support.RawHttpConnection;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that leave while their coroutine waits: the work is cancelled, nothing keeps running;
 * clients that stay keep their connection working (pipelined and later requests are answered).
 */
@Timeout(120)
class DisconnectTest {

    @Test
    void aHundredDisconnectingClientsCancelTheirWork() throws Exception {
        int clients = 100;
        try (AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).start()) {
            long cancellationsBefore = Mbeans.attribute("Cancellations");
            String prefix = "gone-" + System.nanoTime() + "-";
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                OutputStream out = socket.getOutputStream();
                out.write(("GET /slow/long?id=" + prefix + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    SlowResource.STARTED.stream().filter(id -> id.startsWith(prefix)).count() == clients);
            for (Socket socket : sockets) {
                socket.close(); // the client leaves while its 5 s coroutine waits
            }
            await().atMost(Duration.ofSeconds(4)).until(() ->
                    SlowResource.CANCELLED.stream().filter(id -> id.startsWith(prefix)).count() == clients);
            assertEquals(cancellationsBefore + clients, Mbeans.attribute("Cancellations"), "every cancellation is counted");
            assertEquals(0, Mbeans.attribute("LoopQueuedTasks"), "no timer of a cancelled request is left on the loop");
        }
    }

    @Test
    void clientsThatLeaveABlockingBodyHaveItInterruptedWithoutAnErrorLogged() throws Exception {
        int clients = 5;
        try (AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).start();
                LogCapture resteasy = LogCapture.of("org.jboss.resteasy")) {
            String prefix = "gone-blocking-" + System.nanoTime() + "-";
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                OutputStream out = socket.getOutputStream();
                out.write(("GET /slow/long-blocking?id=" + prefix + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    SlowResource.STARTED.stream().filter(id -> id.startsWith(prefix)).count() == clients);
            for (Socket socket : sockets) {
                socket.close(); // the client leaves while its 5 s blocking body runs on the executor
            }
            await().atMost(Duration.ofSeconds(4)).until(() ->
                    SlowResource.CANCELLED.stream().filter(id -> id.startsWith(prefix)).count() == clients);
            // the request that waited for the body ends once the body is interrupted: nothing to report
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).failFast("RESTEasy reported a warning or an error",
                    () -> assertTrue(resteasy.records().stream().noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue()),
                            () -> "RESTEasy reported: " + resteasy.messages()))
                    .until(() -> true);
        }
    }

    @Test
    void aPipelinedRequestBehindAWatchedOneIsAnsweredInOrder() throws Exception {
        try (AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).start();
                RawHttpConnection connection = new RawHttpConnection(server.uri())) {
            // the first request outlives the watch's start, the second is already in the connection's buffer
            connection.sendGets(List.of("/slow/pause?ms=400&id=0", "/slow/pause?ms=0&id=1"));
            for (int i = 0; i < 2; i++) {
                RawHttpConnection.Response response = connection.read();
                assertEquals("HTTP/1.1 200 OK", response.statusLine());
                assertEquals("paused " + i, response.body());
            }
        }
    }

    @Test
    void aWatchedConnectionServesItsNextRequests() throws Exception {
        try (AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).start();
                RawHttpConnection connection = new RawHttpConnection(server.uri())) {
            for (int i = 0; i < 3; i++) { // each one watched, each one answered on the same connection
                connection.sendGets(List.of("/slow/pause?ms=300&id=" + i));
                RawHttpConnection.Response response = connection.read();
                assertEquals("HTTP/1.1 200 OK", response.statusLine());
                assertEquals("paused " + i, response.body());
            }
            assertEquals(0, Mbeans.attribute("Cancellations"), "nobody left, nothing was cancelled");
        }
    }
}
