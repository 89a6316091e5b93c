package io.aiojakarta.embedded.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Burst;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten times the executor's capacity: only 200s and 503s with Retry-After, the server keeps
 * answering a health request quickly, and recovers fully.
 */
@Timeout(120)
class SaturationTest {

    @Test
    void overloadAnswers503WithRetryAfterAndRecovers() throws Exception {
        AioServer server;
        System.setProperty("aiojakarta.executor.max-threads", "2");
        System.setProperty("aiojakarta.executor.queue-size", "2");
        try {
            server = AioServer.builder().application(FaultsApplication.class).port(0).start();
        } finally {
            System.clearProperty("aiojakarta.executor.max-threads");
            System.clearProperty("aiojakarta.executor.queue-size");
        }
        try (server; Http http = new Http(server.uri())) {
            int offered = 40; // capacity is 2 running + 2 queued
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < offered; i++) {
                responses.add(http.sendAsync(http.request("slow/busy").build()));
            }
            long healthStart = System.nanoTime();
            HttpResponse<String> health = http.get("slow/health");
            long healthMillis = (System.nanoTime() - healthStart) / 1_000_000;
            assertEquals(200, health.statusCode(), "health during overload");
            assertTrue(healthMillis < 1000, "health answered after " + healthMillis + " ms");

            Burst burst = Burst.of(responses, 60);
            for (HttpResponse<String> refusal : burst.refused()) {
                assertEquals("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"busy: try again shortly\"}", refusal.body());
            }
            int ok = burst.served().size();
            int unavailable = burst.refused().size();
            assertEquals(offered, ok + unavailable);
            assertEquals(unavailable, Mbeans.attribute("ExecutorRejections"), "every refusal is counted over JMX");
            assertTrue(ok >= 4, ok + " succeeded");
            assertTrue(unavailable > 0, "some requests were refused");

            // recovered: once the load is gone, requests succeed again
            for (int i = 0; i < 4; i++) {
                assertEquals(200, http.get("slow/busy").statusCode(), "after the overload");
            }
        }
    }
}
