package io.aiojakarta.internal.config;

import io.aiojakarta.Mapper;
import io.aiojakarta.internal.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Aiojakarta's validated configuration: every key of the configuration reference with its value.
 * Immutable and thread-safe.
 *
 * @param defaultMapper {@code aiojakarta.default-mapper}: the mapper of every {@code @Path}
 *     resource without {@code @AsyncView}; empty maps only annotated resources
 * @param eventLoopThreads {@code aiojakarta.event-loop.threads}
 * @param blockedWarningMillis {@code aiojakarta.event-loop.blocked-warning-millis}, 0 disables it
 * @param executorMaxThreads {@code aiojakarta.executor.max-threads}
 * @param executorQueueSize {@code aiojakarta.executor.queue-size}, 0 hands tasks over directly
 * @param greenletsMaxConcurrent {@code aiojakarta.greenlets.max-concurrent}
 * @param timeoutMillis {@code aiojakarta.timeout-millis}, 0 for none
 * @param bridgeStrict {@code aiojakarta.bridge.strict}
 * @param shutdownTimeoutMillis {@code aiojakarta.shutdown-timeout-millis}
 * @param greenletRequests {@code aiojakarta.greenlets.requests}: on Undertow (embedded and WildFly),
 *     whether every HTTP request of the deployment runs on a greenlet
 * @param coroutinesMaxInFlight {@code aiojakarta.coroutines.max-in-flight}: coroutine invocations
 *     started from outside the loop and not yet settled; past it, new ones are refused (503)
 * @param eventLoopMaxQueued {@code aiojakarta.event-loop.max-queued}: tasks and timers one loop
 *     holds at once; past it, a submission fails at once
 * @param webSocketMaxPendingMessages {@code aiojakarta.websocket.max-pending-messages}: hooks of one
 *     WebSocket connection waiting for the hook before them; past it, the connection is closed
 *     with 1013 (try again later)
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

    /** Key of the default mapper. */
    public static final String DEFAULT_MAPPER = "aiojakarta.default-mapper";
    /** Key of the number of event-loop threads. */
    public static final String EVENT_LOOP_THREADS = "aiojakarta.event-loop.threads";
    /** Key of the loop-stall warning threshold. */
    public static final String BLOCKED_WARNING_MILLIS = "aiojakarta.event-loop.blocked-warning-millis";
    /** Key of the executor's thread bound. */
    public static final String EXECUTOR_MAX_THREADS = "aiojakarta.executor.max-threads";
    /** Key of the executor's queue bound. */
    public static final String EXECUTOR_QUEUE_SIZE = "aiojakarta.executor.queue-size";
    /** Key of the bound on live greenlets. */
    public static final String GREENLETS_MAX_CONCURRENT = "aiojakarta.greenlets.max-concurrent";
    /** Key of the default request timeout. */
    public static final String TIMEOUT_MILLIS = "aiojakarta.timeout-millis";
    /** Key of the bridge's strict mode. */
    public static final String BRIDGE_STRICT = "aiojakarta.bridge.strict";
    /** Key of the shutdown drain time. */
    public static final String SHUTDOWN_TIMEOUT_MILLIS = "aiojakarta.shutdown-timeout-millis";
    /** Key of the switch that runs every HTTP request on a greenlet. */
    public static final String GREENLET_REQUESTS = "aiojakarta.greenlets.requests";

    /** Key of the bound on coroutine invocations in flight. */
    public static final String COROUTINES_MAX_IN_FLIGHT = "aiojakarta.coroutines.max-in-flight";
    /** Key of the bound on one loop's tasks and timers. */
    public static final String EVENT_LOOP_MAX_QUEUED = "aiojakarta.event-loop.max-queued";
    /** Key of the bound on one WebSocket connection's waiting hooks. */
    public static final String WEBSOCKET_MAX_PENDING_MESSAGES = "aiojakarta.websocket.max-pending-messages";

    /** The defaults, as in the configuration reference. */
    public static final AiojakartaConfig DEFAULTS = new AiojakartaConfig(
            Optional.empty(), 1, 100, 150, 10_000, 10_000, 0, true, 30_000, true, 10_000, 100_000, 10_000);

    /**
     * Reads and validates every key.
     *
     * @param source where values come from
     * @return the configuration, or every problem found (each naming the key, the value and the rule)
     */
    public static Result read(ConfigSource source) {
        Reader reader = new Reader(source);
        AiojakartaConfig config = new AiojakartaConfig(
                reader.mapper(DEFAULT_MAPPER),
                (int) reader.number(EVENT_LOOP_THREADS, DEFAULTS.eventLoopThreads, 1, 256),
                reader.number(BLOCKED_WARNING_MILLIS, DEFAULTS.blockedWarningMillis, 0, Long.MAX_VALUE),
                (int) reader.number(EXECUTOR_MAX_THREADS, DEFAULTS.executorMaxThreads, 1, 10_000),
                (int) reader.number(EXECUTOR_QUEUE_SIZE, DEFAULTS.executorQueueSize, 0, 1_000_000),
                (int) reader.number(GREENLETS_MAX_CONCURRENT, DEFAULTS.greenletsMaxConcurrent, 1, 10_000_000),
                reader.number(TIMEOUT_MILLIS, DEFAULTS.timeoutMillis, 0, Long.MAX_VALUE),
                reader.bool(BRIDGE_STRICT, DEFAULTS.bridgeStrict),
                reader.number(SHUTDOWN_TIMEOUT_MILLIS, DEFAULTS.shutdownTimeoutMillis, 0, Long.MAX_VALUE),
                reader.bool(GREENLET_REQUESTS, DEFAULTS.greenletRequests),
                (int) reader.number(COROUTINES_MAX_IN_FLIGHT, DEFAULTS.coroutinesMaxInFlight, 1, 10_000_000),
                (int) reader.number(EVENT_LOOP_MAX_QUEUED, DEFAULTS.eventLoopMaxQueued, 1, 100_000_000),
                (int) reader.number(WEBSOCKET_MAX_PENDING_MESSAGES, DEFAULTS.webSocketMaxPendingMessages, 1, 1_000_000));
        return new Result(config, List.copyOf(reader.problems));
    }

    /**
     * The outcome of {@link #read}.
     *
     * @param config the configuration, with defaults where a value was invalid
     * @param problems one message per invalid value; empty when all are valid
     */
    public record Result(AiojakartaConfig config, List<String> problems) {

        /**
         * Tells whether every value was valid.
         *
         * @return {@code true} when there is no problem
         */
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private static final class Reader {

        private final ConfigSource source;
        private final List<String> problems = new ArrayList<>();

        Reader(ConfigSource source) {
            this.source = source;
        }

        long number(String key, long defaultValue, long min, long max) {
            Optional<ConfigSource.RawValue> raw = source.lookup(key);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            String text = raw.get().value().strip();
            String rule = max == Long.MAX_VALUE
                    ? "must be a whole number >= " + min
                    : "must be a whole number from " + min + " to " + max;
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the rule
            }
            problems.add(Messages.invalidConfig(key, raw.get(), rule));
            return defaultValue;
        }

        boolean bool(String key, boolean defaultValue) {
            Optional<ConfigSource.RawValue> raw = source.lookup(key);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            String text = raw.get().value().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problems.add(Messages.invalidConfig(key, raw.get(), "must be true or false"));
                    yield defaultValue;
                }
            };
        }

        Optional<Mapper> mapper(String key) {
            Optional<ConfigSource.RawValue> raw = source.lookup(key);
            if (raw.isEmpty() || raw.get().value().isBlank()) {
                return Optional.empty();
            }
            String text = raw.get().value().strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Mapper mapper : Mapper.values()) {
                if (mapper.name().equals(text)) {
                    return Optional.of(mapper);
                }
            }
            problems.add(Messages.invalidConfig(key, raw.get(),
                    "must be one of COROUTINE_OR_EXECUTOR, COROUTINE, EXECUTOR, GREENLET"));
            return Optional.empty();
        }
    }
}
