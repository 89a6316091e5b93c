package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A servlet filter that reads its request after the chain returns keeps a live request while a
 * mapped body's answer is written from another thread: the server must not finish (and, on servers
 * that pool them, reuse) the request before the chain that served it has returned.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FiltersAfterTheChainOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("after-chain", AfterChainApplication.class, AfterChainResource.class,
                AfterChainFilter.class);
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "executor"})
    void aFilterReadingItsRequestAfterTheChainSeesItWhileTheAnswerIsWrittenElsewhere(String mapper) {
        try (Http http = Deployments.http(base)) {
            for (int i = 0; i < 5; i++) {
                String id = mapper + "-" + i + "-" + System.nanoTime();
                HttpResponse<String> answer = http.get("api/after-chain/" + mapper + "?id=" + id);
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("soon", answer.body());
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !http.get("api/after-chain/seen?of=" + id).body().isEmpty());
                assertEquals("GET " + base.getPath() + "api/after-chain/" + mapper,
                        http.get("api/after-chain/seen?of=" + id).body());
            }
        }
    }
}
