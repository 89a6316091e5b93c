package io.aiojakarta.embedded.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coroutine requests past {@code aiojakarta.coroutines.max-in-flight} are refused before their body
 * runs (the scenario runs on every application server too: {@code BackPressureOnEveryServerTest}).
 */
@Timeout(60)
class BackPressureTest {

    @Test
    void coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns() throws Exception {
        try (AioServer server = Servers.start(Map.of("aiojakarta.coroutines.max-in-flight", "3"));
                Http http = new Http(server.uri())) {
            InteractionScenarios.coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns(http);
            assertEquals(5, Mbeans.attribute("CoroutineRejections"), "refusals are counted over JMX");
        }
    }
}
