package io.aiojakarta.embedded.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two embedded servers running at once in one JVM: each server's resources, providers and
 * Aiojakarta runtime belong to its own CDI container, so neither sees the other's
 * application-scoped state, and one keeps serving after the other stopped.
 */
@Timeout(60)
class TwoServersTest {

    @Test
    void resourcesAndProvidersOfTwoRunningServersUseTheirOwnContainers() {
        AioServer first = AioServer.builder().application(VisitsApplication.class).port(0).start();
        AioServer second = AioServer.builder().application(VisitsApplication.class).port(0).start();
        try (first; second; Http one = new Http(first.uri()); Http two = new Http(second.uri())) {
            // visits/responses: each server's filter counts only its own server's responses
            assertEquals("1/0", one.get("visits").body());
            assertEquals("2/1", one.get("visits").body());
            assertEquals("1/0", two.get("visits").body());
            assertEquals("3/2", one.get("visits/coroutine").body());
            assertEquals("2/1", two.get("visits/coroutine").body());
            assertEquals("4/3", one.get("visits").body());

            first.close();
            // the first one's container is gone: the second's COROUTINE request runs on its own loop and beans
            assertEquals("3/2", two.get("visits/coroutine").body());
            assertEquals("4/3", two.get("visits").body());
        }
    }
}
