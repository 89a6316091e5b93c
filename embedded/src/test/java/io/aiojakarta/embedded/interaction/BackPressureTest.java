package io.aiojakarta.embedded.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Burst;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
            Burst burst = Burst.of(responses, 20);
            assertEquals(3, burst.served().size(), "as many as the bound ran");
            assertEquals(5, burst.refused().size());
            assertEquals(3, QueuedResource.STARTED.stream().filter(id -> id.startsWith(prefix)).count(),
                    "refused bodies never ran");
            assertEquals(5, Mbeans.attribute("CoroutineRejections"), "refusals are counted over JMX");
            assertEquals(200, http.get("queued/pause?ms=0&id=" + prefix + "after").statusCode(), "recovered");
        }
    }
}
