package io.aiojakarta.embedded.interaction;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * With two event loops, a cancelled coroutine's stage is cancelled on the loop its body ran on,
 * with its request's context: by a timeout and by a client that leaves.
 */
@Timeout(60)
class MultiLoopTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("aiojakarta.event-loop.threads", "2"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @RepeatedTest(3)
    void timeoutCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        InteractionScenarios.timeoutCancelsTheStageOnItsOwnLoopWithItsContext(http);
    }

    @RepeatedTest(3)
    void disconnectCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        InteractionScenarios.disconnectCancelsTheStageOnItsOwnLoopWithItsContext(http);
    }
}
