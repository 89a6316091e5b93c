package io.aiojakarta.embedded.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Burst;
import io.aiojakarta.embedded.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests past {@code aiojakarta.greenlets.max-concurrent}: every refusal is a 503 with
 * {@code Retry-After}, whether the I/O thread's check saw the bound reached or the dispatch that
 * followed lost the race for the last greenlet to another connection.
 */
@Timeout(120)
class GreenletSaturationTest {

    @Test
    void everyRequestPastTheGreenletBoundIsAnswered503WithRetryAfter() throws Exception {
        AioServer server;
        System.setProperty("aiojakarta.greenlets.max-concurrent", "4");
        try {
            server = AioServer.builder().application(FaultsApplication.class).port(0).start();
        } finally {
            System.clearProperty("aiojakarta.greenlets.max-concurrent");
        }
        try (server; Http http = new Http(server.uri())) {
            for (int round = 0; round < 3; round++) {
                List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    responses.add(http.sendAsync(http.request("slow/busy").build())); // parks its greenlet 300 ms
                }
                Burst burst = Burst.of(responses, 60);
                int ok = burst.served().size();
                int refused = burst.refused().size();
                assertTrue(ok >= 1 && refused >= 1, ok + " answered, " + refused + " refused");
            }
            assertEquals(200, http.get("slow/busy").statusCode(), "the bound is free again");
        }
    }
}
