package io.aiojakarta.internal.config;

import io.aiojakarta.Mapper;
import io.aiojakarta.internal.message.ConfigMessages;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aiojakarta's validated configuration: the value of every key of {@link ConfigKeys}, where each key
 * is declared (name, default, rule, description). Immutable and thread-safe.
 *
 * @param defaultMapper {@link ConfigKeys#DEFAULT_MAPPER}; empty maps only annotated resources
 * @param eventLoopThreads {@link ConfigKeys#EVENT_LOOP_THREADS}
 * @param blockedWarningMillis {@link ConfigKeys#BLOCKED_WARNING_MILLIS}, 0 disables the watchdog
 * @param executorMaxThreads {@link ConfigKeys#EXECUTOR_MAX_THREADS}
 * @param executorQueueSize {@link ConfigKeys#EXECUTOR_QUEUE_SIZE}, 0 hands tasks over directly
 * @param greenletsMaxConcurrent {@link ConfigKeys#GREENLETS_MAX_CONCURRENT}
 * @param timeoutMillis {@link ConfigKeys#TIMEOUT_MILLIS}, 0 for none
 * @param bridgeStrict {@link ConfigKeys#BRIDGE_STRICT}
 * @param shutdownTimeoutMillis {@link ConfigKeys#SHUTDOWN_TIMEOUT_MILLIS}
 * @param greenletRequests {@link ConfigKeys#GREENLET_REQUESTS}
 * @param coroutinesMaxInFlight {@link ConfigKeys#COROUTINES_MAX_IN_FLIGHT}
 * @param eventLoopMaxQueued {@link ConfigKeys#EVENT_LOOP_MAX_QUEUED}
 * @param webSocketMaxPendingMessages {@link ConfigKeys#WEBSOCKET_MAX_PENDING_MESSAGES}
 */
public record AiojakartaConfig(
        Optional<Mapper> defaultMapper,
        int eventLoopThreads,
        long blockedWarningMillis,
        int executorMaxThreads,
        int executorQueueSize,
        int greenletsMaxConcurrent,
        long timeoutMillis,
        boolean bridgeStrict,
        long shutdownTimeoutMillis,
        boolean greenletRequests,
        int coroutinesMaxInFlight,
        int eventLoopMaxQueued,
        int webSocketMaxPendingMessages) {

    /** The defaults: the value every key declares ({@link ConfigKeys}). */
    public static final AiojakartaConfig DEFAULTS = read(key -> Optional.empty()).config();

    /**
     * Reads and validates every key.
     *
     * @param source where values come from
     * @return the configuration, or every problem found (each naming the key, the value and the rule)
     */
    public static Result read(ConfigSource source) {
        Reader reader = new Reader(source);
        AiojakartaConfig config = new AiojakartaConfig(
                reader.value(ConfigKeys.DEFAULT_MAPPER),
                reader.intValue(ConfigKeys.EVENT_LOOP_THREADS),
                reader.value(ConfigKeys.BLOCKED_WARNING_MILLIS),
                reader.intValue(ConfigKeys.EXECUTOR_MAX_THREADS),
                reader.intValue(ConfigKeys.EXECUTOR_QUEUE_SIZE),
                reader.intValue(ConfigKeys.GREENLETS_MAX_CONCURRENT),
                reader.value(ConfigKeys.TIMEOUT_MILLIS),
                reader.value(ConfigKeys.BRIDGE_STRICT),
                reader.value(ConfigKeys.SHUTDOWN_TIMEOUT_MILLIS),
                reader.value(ConfigKeys.GREENLET_REQUESTS),
                reader.intValue(ConfigKeys.COROUTINES_MAX_IN_FLIGHT),
                reader.intValue(ConfigKeys.EVENT_LOOP_MAX_QUEUED),
                reader.intValue(ConfigKeys.WEBSOCKET_MAX_PENDING_MESSAGES));
        return new Result(config, List.copyOf(reader.problems));
    }

    /**
     * The outcome of {@link #read}.
     *
     * @param config the configuration, with defaults where a value was invalid
     * @param problems one message per invalid value; empty when all are valid
     */
    public record Result(AiojakartaConfig config, List<DeploymentException> problems) {

        /**
         * Tells whether every value was valid.
         *
         * @return {@code true} when there is no problem
         */
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads keys by their declarations, collecting one problem per invalid value. */
    private static final class Reader {

        private final ConfigSource source;
        private final List<DeploymentException> problems = new ArrayList<>();

        Reader(ConfigSource source) {
            this.source = source;
        }

        <T> T value(ConfigKey<T> key) {
            Optional<ConfigSource.RawValue> raw = source.lookup(key.name());
            if (raw.isEmpty()) {
                return key.defaultValue();
            }
            Optional<T> value = key.parse(raw.get().value().strip());
            if (value.isEmpty()) {
                problems.add(ConfigMessages.MESSAGES.invalidConfig(key.name(), raw.get().value(), raw.get().origin(), key.rule()));
                return key.defaultValue();
            }
            return value.get();
        }

        int intValue(ConfigKey.WholeNumber key) {
            if (key.max() > Integer.MAX_VALUE) {
                throw new IllegalStateException(key.name() + " is declared wider than an int");
            }
            return (int) (long) value(key);
        }
    }
}
