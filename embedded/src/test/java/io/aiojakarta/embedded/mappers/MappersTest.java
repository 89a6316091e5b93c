package io.aiojakarta.embedded.mappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MappersTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(MappersApplication.class).port(0).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static String body(String path) {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), () -> path + " answered " + response.body());
        return response.body();
    }

    @Test
    void largeCoroutineAnswersReachAClientThatReadsSlowly() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (java.net.Socket socket = new java.net.Socket(server.host(), server.port())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("GET /auto/large?kib=4096 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                Thread.sleep(300); // the server fills the socket's buffers and must wait to write the rest
                byte[] all = socket.getInputStream().readAllBytes();
                String head = new String(all, 0, Math.min(all.length, 200), java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                int body = all.length - (head.indexOf("\r\n\r\n") + 4);
                assertTrue(body >= 4096 * 1024, "a body of " + body + " bytes, chunked or not, for 4 MiB");
            }
        }
        // and the connection-keeping kind, twice on one client
        assertEquals(4096 * 1024, body("auto/large?kib=4096").length());
        assertEquals(1024, body("auto/large?kib=1").length());
    }

    @Test
    void requestsRunOnGreenlets() {
        assertTrue(body("plain").matches("aio-greenlet-\\d+ virtual"), body("plain"));
    }

    @Test
    void executorBodyRunsOnTheExecutor() {
        String where = body("class-level/executor");
        assertTrue(where.matches("aio-executor-\\d+ platform"), where);
    }

    @Test
    void methodLevelCoroutineOverridesClassLevelExecutor() {
        String where = body("class-level/coroutine");
        assertTrue(where.matches("aio-loop-1 platform"), where);
    }

    @Test
    void greenletBodyRunsOnAGreenlet() {
        String where = body("threads/greenlet");
        assertTrue(where.matches("aio-greenlet-\\d+ virtual inGreenlet=true"), where);
    }

    @Test
    void defaultMapperRunsStageMethodsOnTheLoop() {
        String where = body("auto/stage");
        assertTrue(where.matches("aio-loop-1 platform"), where);
    }

    @Test
    void defaultMapperRunsSuspendedMethodsOnTheLoop() {
        String where = body("auto/suspended");
        assertTrue(where.matches("aio-loop-1 platform"), where);
    }

    @Test
    void defaultMapperRunsBlockingMethodsOnTheExecutor() {
        String where = body("auto/blocking");
        assertTrue(where.matches("aio-executor-\\d+ platform"), where);
    }
}
