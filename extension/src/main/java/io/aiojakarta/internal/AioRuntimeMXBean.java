package io.aiojakarta.internal;

/**
 * What one Aiojakarta runtime exposes through JMX, under {@code io.aiojakarta:type=Runtime}.
 * Every attribute is read live; thread-safe.
 */
public interface AioRuntimeMXBean {

    /**
     * Tasks waiting for a loop thread and timers armed on the loops.
     *
     * @return the loop's queue length
     */
    int getLoopQueuedTasks();

    /**
     * How late the watchdog's last probe task started on the slowest loop thread: the time a task
     * handed to the loop now waits before it runs.
     *
     * @return the loop lag in milliseconds; 0 when the watchdog is off
     */
    long getLoopLagMillis();

    /**
     * Loop tasks reported for running past {@code aiojakarta.event-loop.blocked-warning-millis}.
     *
     * @return the stalls so far
     */
    long getLoopStalls();

    /**
     * Greenlets running now: request greenlets (on Undertow), mapped bodies and bridge tasks, all
     * from the one pool bound by {@code aiojakarta.greenlets.max-concurrent}.
     *
     * @return the live greenlets
     */
    int getGreenletsAlive();

    /**
     * Greenlets reported pinned to their carrier past the warning threshold (JFR
     * {@code jdk.VirtualThreadPinned}).
     *
     * @return the pinnings so far
     */
    long getGreenletPinnings();

    /**
     * Greenlets refused at {@code aiojakarta.greenlets.max-concurrent}.
     *
     * @return the refusals so far
     */
    long getGreenletRejections();

    /**
     * Tasks waiting in the own executor pool's queue (0 with a server's managed executor).
     *
     * @return the queue's length
     */
    int getExecutorQueuedTasks();

    /**
     * Busy threads of the own executor pool (0 with a server's managed executor).
     *
     * @return the busy threads
     */
    int getExecutorActiveThreads();

    /**
     * Tasks the own executor pool refused.
     *
     * @return the refusals so far
     */
    long getExecutorRejections();

    /**
     * Whether blocking bodies run on the server's managed executor.
     *
     * @return {@code true} inside an application server
     */
    boolean isManagedExecutor();

    /**
     * Mapped bodies that ran out of time.
     *
     * @return the timeouts so far
     */
    long getTimeouts();

    /**
     * Stages cancelled and tasks interrupted because nobody waits for them any more.
     *
     * @return the cancellations so far
     */
    long getCancellations();

    /**
     * Submissions the loops refused because one held {@code aiojakarta.event-loop.max-queued}
     * tasks and timers.
     *
     * @return the refusals so far
     */
    long getLoopRejections();

    /**
     * Mapped invocations not settled yet: what a shutdown drains.
     *
     * @return the invocations in flight
     */
    int getInFlight();

    /**
     * Coroutine invocations in flight, counted against {@code aiojakarta.coroutines.max-in-flight}.
     *
     * @return the coroutines in flight
     */
    int getCoroutinesInFlight();

    /**
     * Coroutine invocations refused (503 with {@code Retry-After}) because
     * {@code aiojakarta.coroutines.max-in-flight} were in flight.
     *
     * @return the refusals so far
     */
    long getCoroutineRejections();
}
