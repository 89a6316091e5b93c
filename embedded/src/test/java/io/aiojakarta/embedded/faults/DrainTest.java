package io.aiojakarta.embedded.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.LogCapture;
import io.aiojakarta.embedded.support.ThreadDump;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the server lets in-flight requests finish, then leaves no thread of its own behind. */
@Timeout(240)
class DrainTest {

    /** Aiojakarta's and Undertow's threads, greenlets (virtual threads) included. */
    private static boolean aiojakartaThreadAlive() {
        return !ThreadDump.named("aio-", "XNIO-").isEmpty();
    }

    @Test
    void inFlightRequestsCompleteAndNoThreadIsLeftAfterClose() throws Exception {
        // a first server makes the JVM start what it keeps for good (JFR's threads, virtual-thread
        // carriers, the HTTP client's), so that the baseline counts them
        try (AioServer warmUp = AioServer.builder().application(FaultsApplication.class).port(0).start();
                Http http = new Http(warmUp.uri())) {
            assertEquals(200, http.get("slow/health").statusCode());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !aiojakartaThreadAlive()); // earlier servers
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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(Set.of(), ThreadDump.named("aio-", "XNIO-"),
                "threads and greenlets left after close"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertTrue(
                ManagementFactory.getThreadMXBean().getThreadCount() <= baseline,
                "threads now " + ManagementFactory.getThreadMXBean().getThreadCount() + ", before start " + baseline));
    }

    @Test
    void workStillRunningAfterTheDrainTimeIsCancelledAndAnswered503() throws Exception {
        String prefix = "late-" + System.nanoTime() + "-";
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        try (LogCapture capture = LogCapture.of("io.aiojakarta.runtime")) {
            AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).drain(Duration.ofMillis(500)).start();
            try (Http http = new Http(server.uri())) {
                for (int i = 0; i < 20; i++) {
                    String path = (i % 2 == 0 ? "slow/long" : "slow/long-blocking") + "?id=" + prefix + i;
                    inFlight.add(http.sendAsync(http.request(path).build()));
                }
                for (int i = 0; i < 4; i++) { // long polls nobody resumes
                    inFlight.add(http.sendAsync(http.request("slow/long-suspended?id=" + prefix + "s" + i).build()));
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        SlowResource.STARTED.stream().filter(id -> id.startsWith(prefix)).count() == 24);
                server.close(); // every body has 5 s to go (the long polls forever), the drain time is 500 ms
                for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                    HttpResponse<String> answered = response.get(60, TimeUnit.SECONDS);
                    assertEquals(503, answered.statusCode(), answered::body);
                    assertEquals("1", answered.headers().firstValue("Retry-After").orElse(null));
                }
            }
            assertEquals(20, SlowResource.CANCELLED.stream().filter(id -> id.startsWith(prefix)).count(),
                    "every body observed its cancellation");
            assertEquals(List.of("AIOJ-0511: 24 mapped invocation(s) still running after the drain time of 500 ms "
                    + "were cancelled; their callers were answered 503"), capture.messages());
        }
    }
}
