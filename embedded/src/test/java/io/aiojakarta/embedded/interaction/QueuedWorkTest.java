package io.aiojakarta.embedded.interaction;

import static org.awaitility.Awaitility.await;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.Mbeans;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work settled before it started never starts: a body still queued behind a busy executor or a
 * stalled loop when its timeout fires is answered 503 and never runs; a suspended response nobody
 * resumes is answered at its timeout.
 */
@Timeout(60)
class QueuedWorkTest {

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = Servers.start(Map.of("aiojakarta.executor.max-threads", "1", "aiojakarta.executor.queue-size", "20",
                "aiojakarta.event-loop.blocked-warning-millis", "0"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void executorBodyStillQueuedAtItsTimeoutNeverRuns() throws Exception {
        InteractionScenarios.executorBodyStillQueuedAtItsTimeoutNeverRuns(http);
    }

    @Test
    void coroutineBodyStillQueuedAtItsTimeoutNeverRuns() throws Exception {
        InteractionScenarios.coroutineBodyStillQueuedAtItsTimeoutNeverRuns(http);
    }

    @Test
    void aBodyStillRunningAfterItsTimeoutFindsItsRequestScopedInstancesAliveAndTheyAreDestroyedAfterIt() throws Exception {
        InteractionScenarios.aBodyRunningPastItsTimeoutKeepsItsRequestScopeUntilItEnds(http);
    }

    @Test
    void stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout() throws Exception {
        InteractionScenarios.stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout(http);
        await().atMost(Duration.ofSeconds(5)).until(() -> Mbeans.attribute("InFlight") == 0);
    }

    @Test
    void suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout() throws Exception {
        InteractionScenarios.suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout(http);
    }
}
