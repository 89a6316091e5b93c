package io.aiojakarta.embedded.interaction;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request A waits on a future that request B completes from its own coroutine: A's response
 * processing and A's continuations see A, never B.
 */
@Timeout(60)
class LongPollTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of());
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void responseFiltersOfAWaitingRequestSeeItsOwnRequestScope() throws Exception {
        InteractionScenarios.responseFiltersOfAWaitingRequestSeeItsOwnRequestScope(http);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aiojakarta.embedded.interaction.InteractionScenarios#continuationKinds")
    void continuationRegisteredByAWaitingRequestRunsWithItsContext(String kind) throws Exception {
        InteractionScenarios.continuationRegisteredByAWaitingRequestRunsWithItsContext(http, kind);
    }
}
