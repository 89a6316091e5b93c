package io.aiojakarta.interceptors.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.interceptors.MapperRegistration;
import io.aiojakarta.internal.cdi.AiojakartaExtension;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes fail deployment, with a message naming the culprit. */
class DeploymentValidationTest {

    private static final String[] KEYS = {
        "aiojakarta.default-mapper", "aiojakarta.event-loop.threads", "aiojakarta.event-loop.blocked-warning-millis",
        "aiojakarta.executor.max-threads", "aiojakarta.executor.queue-size", "aiojakarta.greenlets.max-concurrent",
        "aiojakarta.timeout-millis", "aiojakarta.bridge.strict", "aiojakarta.shutdown-timeout-millis",
        "aiojakarta.greenlets.requests"};

    @AfterEach
    void clearProperties() {
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    private static Weld weld(Class<?>... beans) {
        // discovery off: Weld SE then loads no service extension, so both are added here
        return new Weld().disableDiscovery().addExtensions(new AiojakartaExtension(), new MapperRegistration())
                .addBeanClasses(beans);
    }

    @Test
    void coroutineOnAStringMethodFailsDeploymentNamingTheMethod() {
        DefinitionException failure = assertThrows(DefinitionException.class, () -> weld(BadCoroutine.class).initialize());
        assertTrue(failure.getMessage().contains("AIOJ-0101: @AsyncView(COROUTINE) on "
                + "'io.aiojakarta.interceptors.deployment.BadCoroutine#list()': must return CompletionStage or take "
                + "@Suspended AsyncResponse, returns String"), failure.getMessage());
    }

    @Test
    void asyncViewWithConcurrencysAsynchronousFailsDeploymentNamingTheMethod() {
        DefinitionException failure = assertThrows(DefinitionException.class, () -> weld(DoublyAsynchronous.class).initialize());
        assertTrue(failure.getMessage().contains("AIOJ-0106: 'io.aiojakarta.interceptors.deployment.DoublyAsynchronous#fetch()' "
                + "has both @AsyncView and @Asynchronous"), failure.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "aiojakarta.event-loop.threads|0|must be a whole number from 1 to 256",
        "aiojakarta.default-mapper|FAST|must be one of COROUTINE_OR_EXECUTOR, COROUTINE, EXECUTOR, GREENLET",
        "aiojakarta.executor.max-threads|lots|must be a whole number from 1 to 10000",
        "aiojakarta.executor.queue-size|-1|must be a whole number from 0 to 1000000",
        "aiojakarta.greenlets.max-concurrent|0|must be a whole number from 1 to 10000000",
        "aiojakarta.timeout-millis|-1|must be a whole number >= 0",
        "aiojakarta.bridge.strict|maybe|must be true or false",
        "aiojakarta.shutdown-timeout-millis|x|must be a whole number >= 0",
        "aiojakarta.event-loop.blocked-warning-millis|-2|must be a whole number >= 0",
        "aiojakarta.greenlets.requests|on|must be true or false",
    })
    void aBadConfigurationValueFailsDeploymentNamingKeyValueAndRule(String key, String value, String rule) {
        System.setProperty(key, value);
        DeploymentException failure = assertThrows(DeploymentException.class, () -> weld(GoodView.class).initialize());
        assertTrue(failure.getMessage().contains("AIOJ-0201: configuration '" + key + "' = '" + value
                + "' (from system property) is invalid: " + rule), failure.getMessage());
    }

    @Test
    void aValidDeploymentStartsAndMapsTheView() {
        try (WeldContainer container = weld(GoodView.class).initialize()) {
            assertEquals("hello", container.select(GoodView.class).get().hello());
            assertTrue(container.select(io.aiojakarta.internal.AioRuntime.class).isResolvable());
        }
    }
}
