package io.aiojakarta.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.ConnectionReuseChecks.Expected;
import io.aiojakarta.embedded.support.ConnectionReuseChecks;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.ThreadsResource;
import io.aiojakarta.it.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where each mapper runs inside WildFly, that requests run on greenlets there, and that a connection
 * whose requests end on greenlets goes on serving its next (and pipelined) requests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadsOnWildFlyTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("threads", ThreadsApplication.class, ThreadsResource.class);
    }

    @ArquillianResource
    URL base;

    private String body(String path) {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = http.get(path);
            assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
            return response.body();
        }
    }

    @Test
    void requestsRunOnGreenlets() {
        String where = body("threads/request");
        assertTrue(where.matches("aio-greenlet-\\d+ virtual"), where);
    }

    @Test
    void executorBodyRunsOnTheServersManagedExecutor() {
        String where = body("threads/executor");
        assertTrue(where.matches("EE-ManagedExecutorService-default-Thread-\\d+ platform"), where);
    }

    @Test
    void coroutineBodyRunsOnTheEventLoop() {
        assertEquals("aio-loop-1 platform", body("threads/coroutine"));
    }

    @Test
    void greenletBodyRunsOnAGreenlet() {
        String where = body("threads/greenlet");
        assertTrue(where.matches("aio-greenlet-\\d+ virtual inGreenlet=true"), where);
    }

    private static final List<Expected> ROUND = List.of(
            new Expected("threads/request", "aio-greenlet-"),
            new Expected("threads/coroutine", "aio-loop-1 platform"),
            new Expected("threads/executor", "EE-ManagedExecutorService-default-Thread-"),
            new Expected("threads/greenlet", "aio-greenlet-"));

    @Test
    void oneConnectionServesRequestAfterRequest() throws Exception {
        ConnectionReuseChecks.inTurn(base.toURI(), ROUND, 400);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        ConnectionReuseChecks.pipelined(base.toURI(), ROUND, 100);
    }
}
