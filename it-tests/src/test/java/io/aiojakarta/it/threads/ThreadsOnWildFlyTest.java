package io.aiojakarta.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.RawHttpConnection;
import io.aiojakarta.embedded.support.RawHttpConnection.Response;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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

    /** One request per mapper, each with the start of the body it answers. */
    private static final List<String[]> ROUND = List.of(
            new String[] {"threads/request", "aio-greenlet-"},
            new String[] {"threads/coroutine", "aio-loop-1 platform"},
            new String[] {"threads/executor", "EE-ManagedExecutorService-default-Thread-"},
            new String[] {"threads/greenlet", "aio-greenlet-"});

    @Test
    void oneConnectionServesRequestAfterRequest() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(base.toURI())) {
            for (int i = 0; i < 400; i++) {
                String[] request = ROUND.get(i % ROUND.size());
                connection.sendGets(List.of(base.getPath() + request[0]));
                assertAnswered(connection.read(), request, "request " + i);
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int requests = 100;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            paths.add(base.getPath() + ROUND.get(i % ROUND.size())[0]);
        }
        try (RawHttpConnection connection = new RawHttpConnection(base.toURI())) {
            connection.sendGets(paths); // every request sent before any answer
            for (int i = 0; i < requests; i++) {
                assertAnswered(connection.read(), ROUND.get(i % ROUND.size()), "response " + i);
            }
        }
    }

    private static void assertAnswered(Response response, String[] request, String which) {
        assertEquals("HTTP/1.1 200 OK", response.statusLine(), which + " to " + request[0]);
        assertTrue(response.body().startsWith(request[1]), which + " to " + request[0] + " was " + response.body());
    }
}
