package io.aiojakarta.embedded.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mistakes stop the embedded server from starting, with the culprit named.
 */
@Timeout(60)
class DeploymentFailuresTest {

    private static String messages(Throwable failure) {
        List<String> all = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\n", all);
    }

    @Test
    void aBadConfigurationValueStopsDeploymentNamingTheKey() {
        System.setProperty("aiojakarta.event-loop.threads", "0");
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> AioServer.builder().application(NotABeanApplication.class).port(0).start().close());
            String messages = messages(failure);
            assertTrue(messages.contains("AIOJ-0201: configuration 'aiojakarta.event-loop.threads' = '0' "
                    + "(from system property) is invalid: must be a whole number from 1 to 256"), messages);
        } finally {
            System.clearProperty("aiojakarta.event-loop.threads");
        }
    }

    @Test
    void aMappedResourceThatIsNotABeanStopsDeployment() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AioServer.builder().application(NotABeanApplication.class).port(0).start().close());
        String messages = messages(failure);
        assertTrue(messages.contains("AIOJ-0104: @AsyncView on 'io.aiojakarta.embedded.deployment.NotABeanResource#get()' "
                + "has no effect"), messages);
    }
}
