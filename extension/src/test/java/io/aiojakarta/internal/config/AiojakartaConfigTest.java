package io.aiojakarta.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.Mapper;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiojakartaConfigTest {

    private static AiojakartaConfig.Result read(Map<String, String> properties, Map<String, String> env) {
        Properties props = new Properties();
        props.putAll(properties);
        return AiojakartaConfig.read(ConfigSource.of(props, env));
    }

    @Test
    void noValueGivesTheDocumentedDefaults() {
        AiojakartaConfig.Result result = read(Map.of(), Map.of());
        assertTrue(result.valid());
        assertEquals(AiojakartaConfig.DEFAULTS, result.config());
        assertEquals(Optional.empty(), result.config().defaultMapper());
        assertEquals(1, result.config().eventLoopThreads());
        assertEquals(150, result.config().executorMaxThreads());
        assertEquals(10_000, result.config().executorQueueSize());
        assertTrue(result.config().bridgeStrict());
        assertEquals(10_000, result.config().coroutinesMaxInFlight());
        assertEquals(100_000, result.config().eventLoopMaxQueued());
        assertEquals(10_000, result.config().webSocketMaxPendingMessages());
    }

    @Test
    void everyKeyIsReadFromSystemProperties() {
        AiojakartaConfig.Result result = read(Map.ofEntries(
                Map.entry("aiojakarta.default-mapper", "greenlet"),
                Map.entry("aiojakarta.event-loop.threads", "2"),
                Map.entry("aiojakarta.event-loop.blocked-warning-millis", "50"),
                Map.entry("aiojakarta.executor.max-threads", "8"),
                Map.entry("aiojakarta.executor.queue-size", "0"),
                Map.entry("aiojakarta.greenlets.max-concurrent", "64"),
                Map.entry("aiojakarta.timeout-millis", "2500"),
                Map.entry("aiojakarta.bridge.strict", "FALSE"),
                Map.entry("aiojakarta.shutdown-timeout-millis", "100"),
                Map.entry("aiojakarta.greenlets.requests", "false"),
                Map.entry("aiojakarta.coroutines.max-in-flight", "7"),
                Map.entry("aiojakarta.event-loop.max-queued", "300"),
                Map.entry("aiojakarta.websocket.max-pending-messages", "9")), Map.of());
        assertTrue(result.valid(), result.problems()::toString);
        assertEquals(new AiojakartaConfig(Optional.of(Mapper.GREENLET), 2, 50, 8, 0, 64, 2500, false, 100, false, 7, 300, 9),
                result.config());
    }

    @Test
    void environmentVariablesUseTheUpperCaseForm() {
        AiojakartaConfig.Result result = read(Map.of(), Map.of("AIOJAKARTA_EXECUTOR_MAX_THREADS", "12"));
        assertEquals(12, result.config().executorMaxThreads());
        assertEquals("AIOJAKARTA_EVENT_LOOP_BLOCKED_WARNING_MILLIS",
                ConfigSource.environmentName("aiojakarta.event-loop.blocked-warning-millis"));
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        AiojakartaConfig.Result result = read(Map.of("aiojakarta.executor.max-threads", "3"),
                Map.of("AIOJAKARTA_EXECUTOR_MAX_THREADS", "12"));
        assertEquals(3, result.config().executorMaxThreads());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aiojakarta.event-loop.threads|0|must be a whole number from 1 to 256",
        "aiojakarta.event-loop.threads|two|must be a whole number from 1 to 256",
        "aiojakarta.default-mapper|FAST|must be one of COROUTINE_OR_EXECUTOR, COROUTINE, EXECUTOR, GREENLET",
        "aiojakarta.executor.max-threads|-1|must be a whole number from 1 to 10000",
        "aiojakarta.executor.queue-size|1e3|must be a whole number from 0 to 1000000",
        "aiojakarta.greenlets.max-concurrent|0|must be a whole number from 1 to 10000000",
        "aiojakarta.timeout-millis|-5|must be a whole number >= 0",
        "aiojakarta.bridge.strict|yes|must be true or false",
        "aiojakarta.shutdown-timeout-millis|soon|must be a whole number >= 0",
        "aiojakarta.event-loop.blocked-warning-millis|-1|must be a whole number >= 0",
        "aiojakarta.coroutines.max-in-flight|0|must be a whole number from 1 to 10000000",
        "aiojakarta.event-loop.max-queued|0|must be a whole number from 1 to 100000000",
        "aiojakarta.websocket.max-pending-messages|many|must be a whole number from 1 to 1000000",
    })
    void aBadValueIsReportedWithKeyValueAndRule(String key, String value, String rule) {
        AiojakartaConfig.Result result = read(Map.of(key, value), Map.of());
        assertFalse(result.valid());
        assertEquals(1, result.problems().size(), result.problems()::toString);
        assertEquals("AIOJ-0201: configuration '" + key + "' = '" + value + "' (from system property) is invalid: " + rule,
                result.problems().get(0).getMessage());
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        AiojakartaConfig.Result result = read(Map.of(), Map.of("AIOJAKARTA_EVENT_LOOP_THREADS", "0"));
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).getMessage().contains("(from environment variable AIOJAKARTA_EVENT_LOOP_THREADS)"),
                result.problems().get(0).getMessage());
    }
}
