package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four mappers on whichever server the run targets: each body runs on its mapper's thread and
 * sees its own request's {@code @RequestScoped} bean and {@code @Context} objects there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MappersOnEveryServerTest {

    /** Aiojakarta's answer to a body past its timeout: RFC 9457 problem details. */
    private static final String TIMED_OUT =
            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"timed out\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("portable", PortableApplication.class, MappersResource.class, Visitor.class,
                VisitorFilter.class, Footprint.class, Destructions.class);
    }

    @ArquillianResource
    URL base;

    private String[] seen(String mapper, String id, String read) {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = http.get("api/mappers/" + mapper + "?id=" + id + "&read=" + read);
            assertEquals(200, response.statusCode(), response::body);
            return response.body().split("\\|");
        }
    }

    @ParameterizedTest(name = "{0}")
    // a GREENLET body runs inline on the request's greenlet: Aiojakarta's (aio-greenlet-N), or on
    // GlassFish the server's own virtual request thread
    @CsvSource({"coroutine, platform aio-loop-", "greenlet, virtual ", "executor, platform ", "default, platform "})
    void eachBodyRunsOnItsMappersThread(String mapper, String thread) {
        String where = seen(mapper, mapper, "nothing")[0];
        assertTrue(where.startsWith(thread), "ran on " + where);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "greenlet", "executor", "default"})
    void requestScopedBeansAreTheRequestsOwnOnTheBodysThread(String mapper) {
        String id = mapper + "-" + System.nanoTime();
        assertEquals(id, seen(mapper, id, "scope")[1], "the request's @RequestScoped bean");
    }

    @Test
    void anUnmappedResourceRunsOnTheRequestsGreenletWithItsRequestScope() {
        String id = "plain-" + System.nanoTime();
        String[] seen = seen("plain", id, "scope");
        String greenlet = Servers.current().equals("glassfish") ? "virtual http-listener-" : "virtual aio-greenlet-";
        assertTrue(seen[0].startsWith(greenlet), "ran on " + seen[0]);
        assertEquals(id, seen[1], "the visitor its filter named");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "greenlet", "executor", "default"})
    void eachRequestScopedInstanceIsDestroyedOnceAfterTheResponse(String mapper) {
        String id = mapper + "-" + System.nanoTime();
        assertEquals(id, seen(mapper, id, "footprint")[1]);
        try (Http http = Deployments.http(base)) {
            // the visitor was made on the request's thread (or its greenlet), the footprint on the body's
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> http.get("api/mappers/destroyed?of=" + id).body().equals("1|1"));
            // destroyed exactly once: still "1|1" throughout the next 300 ms
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300)).atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> http.get("api/mappers/destroyed?of=" + id).body().equals("1|1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "greenlet", "executor", "default"})
    void contextObjectsAnswerOnTheBodysThread(String mapper) {
        String id = mapper + "-" + System.nanoTime();
        assertEquals(id, seen(mapper, id, "context")[1], "the request's @Context UriInfo");
    }

    @Test
    void aBodyPastItsTimeoutIsAnswered503AndInterrupted() {
        String id = "slow-" + System.nanoTime();
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = http.get("api/mappers/too-slow?id=" + id);
            assertEquals(503, response.statusCode(), response::body);
            assertEquals(TIMED_OUT, response.body(), "answered by Aiojakarta's exception mapper, as problem details");
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map()::toString);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> http.get("api/mappers/interrupted?id=" + id).body().equals("true"));
        }
    }
}
