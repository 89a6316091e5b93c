package io.aiojakarta.it.portable;

import io.aiojakarta.embedded.interaction.InteractionScenarios;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code aiojakarta.coroutines.max-in-flight=3} on whichever server the run targets, the
 * coroutines past the bound are answered 503 with {@code Retry-After} before their body runs, and
 * the application serves again once the three have finished.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackPressureOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return InteractionOnEveryServerTest.interactionWar("back-pressure", "aiojakarta.coroutines.max-in-flight=3\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::coroutinesPastMaxInFlightAre503WithRetryAfterBeforeTheirBodyRuns);
    }
}
