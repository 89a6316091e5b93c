package io.aiojakarta.embedded.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's synchronous extensions keep acting on mapped resources: a request filter, an
 * exception mapper (receiving the body's own exception), a user interceptor (running on the
 * mapper's thread) and Bean Validation (before any body runs).
 */
@Timeout(60)
class ExistingExtensionsTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(ExtensionsApplication.class).port(0).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static HttpResponse<String> get(String path, boolean withKey) {
        var request = http.request(path);
        if (withKey) {
            request.header("X-Api-Key", "secret");
        }
        return http.send(request.GET().build());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"coroutine,aio-loop", "executor,aio-executor", "greenlet,aio-greenlet"})
    void userInterceptorRunsInsideTheMapperOnItsThread(String mapper, String thread) {
        HttpResponse<String> response = get("api/orders/" + mapper + "?count=3", true);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("3 audit@" + thread, response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void requestFilterRejectsBeforeTheBodyRuns(String mapper) {
        int bodies = OrdersResource.BODIES.get();
        int rejected = ApiKeyFilter.REJECTED.get();
        HttpResponse<String> response = get("api/orders/" + mapper + "?count=3", false);
        assertEquals(401, response.statusCode());
        assertEquals("no key", response.body());
        assertEquals(rejected + 1, ApiKeyFilter.REJECTED.get());
        assertEquals(bodies, OrdersResource.BODIES.get(), "no body ran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void beanValidationRejectsAnInvalidParameterBeforeTheBodyRuns(String mapper) {
        int bodies = OrdersResource.BODIES.get();
        HttpResponse<String> response = get("api/orders/" + mapper + "?count=0", true);
        assertEquals(400, response.statusCode(), response::body);
        assertEquals(bodies, OrdersResource.BODIES.get(), "no body ran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "coroutine-throws", "suspended", "executor", "greenlet"})
    void exceptionMapperReceivesTheBodysOwnException(String mapper) {
        HttpResponse<String> response = get("api/orders/missing/" + mapper + "?id=42", true);
        assertEquals(404, response.statusCode(), response::body);
        assertTrue(response.body().equals("mapped: no order 42"), response.body());
    }
}
