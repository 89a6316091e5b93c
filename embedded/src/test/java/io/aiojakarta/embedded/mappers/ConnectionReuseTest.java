package io.aiojakarta.embedded.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 1000; i++) {
                String[] request = ROUND.get(i % ROUND.size());
                out.write(get(request[0]));
                out.flush();
                String body = readBody(in, request[0]);
                assertTrue(body.startsWith(request[1]), "request " + i + " " + request[0] + " answered " + body);
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int requests = 200;
        try (Socket socket = connect()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < requests; i++) {
                all.write(get(ROUND.get(i % ROUND.size())[0]));
            }
            socket.getOutputStream().write(all.toByteArray()); // every request sent before any answer
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests; i++) {
                String[] request = ROUND.get(i % ROUND.size());
                String body = readBody(in, request[0]);
                assertTrue(body.startsWith(request[1]), "response " + i + " to " + request[0] + " was " + body);
            }
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one HTTP/1.1 response (fixed length or chunked), asserts 200, returns its body. */
    private static String readBody(InputStream in, String path) throws IOException {
        String status = line(in);
        assertEquals("HTTP/1.1 200 OK", status, path);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else {
            assertTrue(length >= 0, path + ": neither Content-Length nor chunked");
            body.write(in.readNBytes(length));
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
