package io.aiojakarta.embedded.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Coroutine requests past {@code aiojakarta.coroutines.max-in-flight} are refused before their body runs. */
@Timeout(60)
class BackPressureTest {

    @Test
    void coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns() throws Exception {
        try (AioServer server = Servers.start(Map.of("aiojakarta.coroutines.max-in-flight", "3"));
                Http http = new Http(server.uri())) {
            String prefix = "bp-" + System.nanoTime() + "-";
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(http.sendAsync(http.request("queued/pause?ms=1500&id=" + prefix + i).build()));
            }
            int ok = 0;
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(20, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(503, response.statusCode(), response::body);
                    assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
                    refused++;
                }
            }
            assertEquals(3, ok, "as many as the bound ran");
            assertEquals(5, refused);
            assertEquals(3, QueuedResource.STARTED.stream().filter(id -> id.startsWith(prefix)).count(),
                    "refused bodies never ran");
            assertEquals(5, Mbeans.attribute("CoroutineRejections"), "refusals are counted over JMX");
            assertEquals(200, http.get("queued/pause?ms=0&id=" + prefix + "after").statusCode(), "recovered");
        }
    }
}
