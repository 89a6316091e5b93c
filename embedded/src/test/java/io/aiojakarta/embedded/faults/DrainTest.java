package io.aiojakarta.embedded.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the server lets in-flight requests finish, then leaves no thread of its own behind. */
@Timeout(240)
class DrainTest {

    private static boolean aiojakartaThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("aio-") || thread.getName().startsWith("XNIO-"));
    }

    @Test
    void inFlightRequestsCompleteAndNoThreadIsLeftAfterClose() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !aiojakartaThreadAlive()); // earlier tests' servers
        int baseline = ManagementFactory.getThreadMXBean().getThreadCount();
        AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).drain(Duration.ofSeconds(30)).start();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        try (Http http = new Http(server.uri())) {
            for (int i = 0; i < 200; i++) {
                inFlight.add(http.sendAsync(http.request("slow/drain").build()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> SlowResource.DRAINING.get() == 200);
            server.close(); // while all 200 are in flight
            for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                HttpResponse<String> answered = response.get(60, TimeUnit.SECONDS);
                assertEquals(200, answered.statusCode(), answered::body);
                assertEquals("drained", answered.body());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !aiojakartaThreadAlive());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertTrue(
                ManagementFactory.getThreadMXBean().getThreadCount() <= baseline,
                "threads now " + ManagementFactory.getThreadMXBean().getThreadCount() + ", before start " + baseline));
    }
}
