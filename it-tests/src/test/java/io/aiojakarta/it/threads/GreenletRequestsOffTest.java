package io.aiojakarta.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.ThreadsResource;
import io.aiojakarta.it.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With aiojakarta.greenlets.requests=false WildFly's own worker threads serve requests; the mappers still work. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GreenletRequestsOffTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("no-greenlet-requests", ThreadsApplication.class, ThreadsResource.class)
                .addAsResource(new StringAsset("aiojakarta.greenlets.requests=false\n"), "META-INF/microprofile-config.properties");
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
    void requestsRunOnTheServersWorkerThreads() {
        String where = body("threads/request");
        assertTrue(where.matches("default task-\\d+ platform"), where);
    }

    @Test
    void mappersStillMoveTheBodies() {
        assertEquals("aio-loop-1 platform", body("threads/coroutine"));
        assertTrue(body("threads/greenlet").matches("aio-greenlet-\\d+ virtual inGreenlet=true"), body("threads/greenlet"));
        assertTrue(body("threads/executor").startsWith("EE-ManagedExecutorService-default-Thread-"), body("threads/executor"));
    }
}
