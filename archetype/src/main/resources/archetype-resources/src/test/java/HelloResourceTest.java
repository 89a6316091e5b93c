package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HelloResourceTest {

    @Test
    void helloSleepsOnTheEventLoopThenGreets() throws Exception {
        try (AioServer server = AioServer.builder().application(StarterApplication.class).port(0).start();
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri().resolve("hello?sleep=0.2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().startsWith("Hello world! (slept 0.2 s on aio-loop-"), response.body());
        }
    }

    @Test
    void aNegativeSleepIsABadRequest() throws Exception {
        try (AioServer server = AioServer.builder().application(StarterApplication.class).port(0).start();
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri().resolve("hello?sleep=-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode());
        }
    }
}
