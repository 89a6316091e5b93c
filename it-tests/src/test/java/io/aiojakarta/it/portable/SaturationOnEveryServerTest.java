package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.Burst;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code aiojakarta.greenlets.max-concurrent=4} in the application's MicroProfile Config, twelve
 * requests at once that each hold their greenlet: those past the bound are answered 503 with
 * {@code Retry-After} at once, none is lost, the bound is free again afterwards, and the application's
 * MBean counted each refusal and reports the server's managed executor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SaturationOnEveryServerTest {

    private static final int BOUND = 4;
    private static final int REQUESTS = 12;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("saturated", HoldingApplication.class, HoldingResource.class)
                .addAsResource(new StringAsset("aiojakarta.greenlets.max-concurrent=" + BOUND + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void requestsPastTheGreenletBoundAreAnswered503WithRetryAfter() throws Exception {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> warmUp = http.get("api/hold?millis=1");
            assertEquals("held", warmUp.body(), () -> "warm-up: " + warmUp.statusCode() + " " + warmUp.headers().map());
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(http.sendAsync(http.request("api/hold?millis=2000").build()));
            }
            Burst burst = Burst.of(answers, 60);
            for (HttpResponse<String> served : burst.served()) {
                assertEquals("held", served.body());
            }
            int held = burst.served().size();
            int refused = burst.refused().size();
            assertTrue(held >= 1 && held <= BOUND, held + " held, " + refused + " refused");
            assertTrue(refused >= REQUESTS - BOUND - 2, held + " held, " + refused + " refused");
            assertEquals("held", http.get("api/hold?millis=1").body(), "the bound is free again");
            // the application's MBean (the only Aiojakarta application deployed now) counted each refusal
            assertEquals("beans=1 rejections=" + refused + " managed=true", http.get("api/hold/jmx").body());
        }
    }
}
