package io.aiojakarta.internal;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One figure of a runtime published as a metric where a metrics API is present
 * ({@link OpenTelemetryMetrics}), each declared once: its name, kind, unit, meaning and where its
 * value comes from (the runtime's {@link AioRuntimeMXBean}, so that JMX and metrics always agree).
 * {@code docs/operations.md} documents every one; a test keeps it in step. Immutable.
 *
 * @param name the metric's name, for example {@code aiojakarta.loop.lag}
 * @param kind a gauge (a level now) or a counter (a total since start)
 * @param unit the UCUM unit: {@code ms}, or {@code {task}}-style annotations for counts
 * @param description what it measures, one line
 * @param value reads it
 */
public record RuntimeMetric(String name, Kind kind, String unit, String description, ToLongFunction<AioRuntimeMXBean> value) {

    /** Whether a metric is a level or a running total. */
    public enum Kind {
        /** A level now: a queue length, a number alive. */
        GAUGE,
        /** A total since the runtime started, never decreasing. */
        COUNTER
    }

    /** Every published figure, in the order {@code docs/operations.md} lists them. */
    public static final List<RuntimeMetric> ALL = List.of(
            new RuntimeMetric("aiojakarta.loop.lag", Kind.GAUGE, "ms",
                    "how late the watchdog's last probe started on the slowest loop thread", AioRuntimeMXBean::getLoopLagMillis),
            new RuntimeMetric("aiojakarta.loop.queued", Kind.GAUGE, "{task}",
                    "tasks waiting for a loop thread and timers armed on the loops", AioRuntimeMXBean::getLoopQueuedTasks),
            new RuntimeMetric("aiojakarta.loop.stalls", Kind.COUNTER, "{task}",
                    "loop tasks that ran past the blocked-warning threshold", AioRuntimeMXBean::getLoopStalls),
            new RuntimeMetric("aiojakarta.loop.rejections", Kind.COUNTER, "{task}",
                    "submissions refused because a loop held event-loop.max-queued tasks", AioRuntimeMXBean::getLoopRejections),
            new RuntimeMetric("aiojakarta.greenlets.alive", Kind.GAUGE, "{greenlet}",
                    "greenlets running now: requests, mapped bodies, bridge tasks", AioRuntimeMXBean::getGreenletsAlive),
            new RuntimeMetric("aiojakarta.greenlets.rejections", Kind.COUNTER, "{greenlet}",
                    "greenlets refused at greenlets.max-concurrent", AioRuntimeMXBean::getGreenletRejections),
            new RuntimeMetric("aiojakarta.greenlets.pinnings", Kind.COUNTER, "{event}",
                    "greenlets reported pinned to their carrier thread", AioRuntimeMXBean::getGreenletPinnings),
            new RuntimeMetric("aiojakarta.executor.queued", Kind.GAUGE, "{task}",
                    "blocking bodies waiting for an executor thread (Aiojakarta's own pool)", AioRuntimeMXBean::getExecutorQueuedTasks),
            new RuntimeMetric("aiojakarta.executor.active", Kind.GAUGE, "{thread}",
                    "executor threads running a body (Aiojakarta's own pool)", AioRuntimeMXBean::getExecutorActiveThreads),
            new RuntimeMetric("aiojakarta.executor.rejections", Kind.COUNTER, "{task}",
                    "blocking bodies refused by a full pool (Aiojakarta's own pool)", AioRuntimeMXBean::getExecutorRejections),
            new RuntimeMetric("aiojakarta.invocations.in_flight", Kind.GAUGE, "{invocation}",
                    "mapped invocations not settled yet", AioRuntimeMXBean::getInFlight),
            new RuntimeMetric("aiojakarta.coroutines.in_flight", Kind.GAUGE, "{invocation}",
                    "coroutine invocations started from outside the loop, not settled yet", AioRuntimeMXBean::getCoroutinesInFlight),
            new RuntimeMetric("aiojakarta.coroutines.rejections", Kind.COUNTER, "{invocation}",
                    "coroutine requests refused at coroutines.max-in-flight (503)", AioRuntimeMXBean::getCoroutineRejections),
            new RuntimeMetric("aiojakarta.timeouts", Kind.COUNTER, "{invocation}",
                    "mapped invocations past their timeout (503, work cancelled)", AioRuntimeMXBean::getTimeouts),
            new RuntimeMetric("aiojakarta.cancellations", Kind.COUNTER, "{invocation}",
                    "mapped invocations cancelled: timeouts, clients that left, the drain", AioRuntimeMXBean::getCancellations));
}
