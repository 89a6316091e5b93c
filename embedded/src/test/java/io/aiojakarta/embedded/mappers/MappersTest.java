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
    void requestsRunOnGreenlets() {
        assertTrue(body("plain").matches("aio-greenlet-\\d+ virtual"), body("plain"));
    }

    @Test
    void executorBodyRunsOnTheExecutor() {
        String where = body("threads/executor");
        assertTrue(where.matches("aio-executor-\\d+ platform"), where);
    }

    @Test
    void methodLevelCoroutineOverridesClassLevelExecutor() {
        String where = body("threads/coroutine");
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
