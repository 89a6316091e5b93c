package io.aiojakarta.embedded.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.LogCapture;
import io.aiojakarta.embedded.support.Mbeans;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A blocking call inside a coroutine body is reported once, with a stack naming the culprit. */
@Timeout(60)
class StallWarningTest {

    @Test
    void aBlockingCallInACoroutineProducesExactlyOneStallWarning() throws Exception {
        try (LogCapture capture = LogCapture.of("io.aiojakarta.runtime");
                AioServer server = AioServer.builder().application(FaultsApplication.class).port(0).start();
                Http http = new Http(server.uri())) {
            List<String> warnings = capture.messages();
            assertEquals(200, http.get("slow/stall").statusCode());
            await().atMost(Duration.ofSeconds(5)).until(() -> !warnings.isEmpty());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> warnings.size() == 1);
            String warning = warnings.get(0);
            assertTrue(warning.startsWith("AIOJ-0507: event-loop thread 'aio-loop-1'"), warning);
            assertTrue(warning.contains("SlowResource.blockingLookup"), warning);
            assertEquals(1, Mbeans.attribute("LoopStalls"));
        }
    }
}
