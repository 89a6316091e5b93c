package io.aiojakarta.internal.config;

import java.util.List;

/**
 * Every configuration key, each declared once ({@link ConfigKey}), in the order the configuration
 * reference lists them. Constants only; thread-safe.
 */
public final class ConfigKeys {

    /** {@code aiojakarta.default-mapper}. */
    public static final ConfigKey.MapperName DEFAULT_MAPPER =
            new ConfigKey.MapperName("aiojakarta.default-mapper",
            "maps every discovered, concrete `@Path` class that has no class-level `@AsyncView` as if "
            + "it had `@AsyncView(<value>)`; unset maps only annotated resources");

    /** {@code aiojakarta.event-loop.threads}. */
    public static final ConfigKey.WholeNumber EVENT_LOOP_THREADS =
            new ConfigKey.WholeNumber("aiojakarta.event-loop.threads", 1L, 1, 256,
            "number of event-loop threads `aio-loop-1`…`aio-loop-N`");

    /** {@code aiojakarta.event-loop.max-queued}. */
    public static final ConfigKey.WholeNumber EVENT_LOOP_MAX_QUEUED =
            new ConfigKey.WholeNumber("aiojakarta.event-loop.max-queued", 100_000L, 1, 100_000_000,
            "tasks and timers one loop holds at once; past it a submission fails at once with "
            + "`RejectedExecutionException` AIOJ-0405 (503 over HTTP), never blocking the submitter");

    /** {@code aiojakarta.event-loop.blocked-warning-millis}. */
    public static final ConfigKey.WholeNumber BLOCKED_WARNING_MILLIS =
            new ConfigKey.WholeNumber("aiojakarta.event-loop.blocked-warning-millis", 100L, 0, Long.MAX_VALUE,
            "a loop task running longer is logged once (AIOJ-0507) with the loop thread's stack and "
            + "recorded as the JFR event `io.aiojakarta.LoopStall`; 0 turns the watchdog off");

    /** {@code aiojakarta.executor.max-threads}. */
    public static final ConfigKey.WholeNumber EXECUTOR_MAX_THREADS =
            new ConfigKey.WholeNumber("aiojakarta.executor.max-threads", 150L, 1, 10_000,
            "threads of the executor pool `aio-executor-N`");

    /** {@code aiojakarta.executor.queue-size}. */
    public static final ConfigKey.WholeNumber EXECUTOR_QUEUE_SIZE =
            new ConfigKey.WholeNumber("aiojakarta.executor.queue-size", 10_000L, 0, 1_000_000,
            "tasks the executor pool queues when all threads are busy; `0` hands tasks over directly");

    /** {@code aiojakarta.greenlets.max-concurrent}. */
    public static final ConfigKey.WholeNumber GREENLETS_MAX_CONCURRENT =
            new ConfigKey.WholeNumber("aiojakarta.greenlets.max-concurrent", 10_000L, 1, 10_000_000,
            "live greenlets allowed at once (see below)");

    /** {@code aiojakarta.coroutines.max-in-flight}. */
    public static final ConfigKey.WholeNumber COROUTINES_MAX_IN_FLIGHT =
            new ConfigKey.WholeNumber("aiojakarta.coroutines.max-in-flight", 10_000L, 1, 10_000_000,
            "coroutine invocations started from outside the loop and not settled yet; past it a "
            + "coroutine request is answered 503 with `Retry-After: 1` (AIOJ-0406) before its body "
            + "runs, and counted in the JMX attribute `CoroutineRejections`");

    /** {@code aiojakarta.websocket.max-pending-messages}. */
    public static final ConfigKey.WholeNumber WEBSOCKET_MAX_PENDING_MESSAGES =
            new ConfigKey.WholeNumber("aiojakarta.websocket.max-pending-messages", 10_000L, 1, 1_000_000,
            "events of one WebSocket connection waiting for their hook; past it the connection is "
            + "closed with 1013 (try again later), AIOJ-0607");

    /** {@code aiojakarta.greenlets.requests}. */
    public static final ConfigKey.Switch GREENLET_REQUESTS =
            new ConfigKey.Switch("aiojakarta.greenlets.requests", true,
            "run every HTTP request of the deployment on a greenlet (Undertow: the server's executor; "
            + "elsewhere: Aiojakarta's first servlet filter; see `docs/servers.md`)");

    /** {@code aiojakarta.timeout-millis}. */
    public static final ConfigKey.WholeNumber TIMEOUT_MILLIS =
            new ConfigKey.WholeNumber("aiojakarta.timeout-millis", 0L, 0, Long.MAX_VALUE,
            "the default timeout of every mapped body: past it the caller gets `ViewTimeoutException` "
            + "(503) and the work is cancelled; 0 for none");

    /** {@code aiojakarta.bridge.strict}. */
    public static final ConfigKey.Switch BRIDGE_STRICT =
            new ConfigKey.Switch("aiojakarta.bridge.strict", true,
            "`true`: `GreenletBridge.await` and `synchronize(coroutine)` throw `ScopeException` "
            + "(AIOJ-0302) on a platform thread (a greenlet or any other virtual thread parks); `false`: "
            + "they block the calling platform thread");

    /** {@code aiojakarta.shutdown-timeout-millis}. */
    public static final ConfigKey.WholeNumber SHUTDOWN_TIMEOUT_MILLIS =
            new ConfigKey.WholeNumber("aiojakarta.shutdown-timeout-millis", 30_000L, 0, Long.MAX_VALUE,
            "at shutdown (WildFly undeploy, container stop), how long in-flight requests and mapped "
            + "invocations get to finish before the rest are cancelled and answered 503");

    /** Every key, in the order of the configuration reference. */
    public static final List<ConfigKey<?>> ALL = List.of(
            DEFAULT_MAPPER,
            EVENT_LOOP_THREADS,
            EVENT_LOOP_MAX_QUEUED,
            BLOCKED_WARNING_MILLIS,
            EXECUTOR_MAX_THREADS,
            EXECUTOR_QUEUE_SIZE,
            GREENLETS_MAX_CONCURRENT,
            COROUTINES_MAX_IN_FLIGHT,
            WEBSOCKET_MAX_PENDING_MESSAGES,
            GREENLET_REQUESTS,
            TIMEOUT_MILLIS,
            BRIDGE_STRICT,
            SHUTDOWN_TIMEOUT_MILLIS);

    private ConfigKeys() {
    }
}
