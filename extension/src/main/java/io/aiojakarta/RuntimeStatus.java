package io.aiojakarta;

/**
 * The figures of this application's Aiojakarta runtime, read live: the values its JMX MBean and its
 * OpenTelemetry metrics report (see {@code docs/operations.md} for what each means and what to do
 * when it moves). Inject it to show the runtime at work, for example on a status page.
 *
 * <p>Thread-safe; any thread may read it, the event loop included (reading never blocks).
 */
public interface RuntimeStatus {

    /**
     * Reads every figure now. The figures are read one after another, not atomically together.
     *
     * @return the figures
     */
    Snapshot snapshot();

    /**
     * The runtime's figures at one moment.
     *
     * @param loopLagMillis how late the watchdog's last probe started on the slowest loop thread
     * @param loopQueued tasks waiting for a loop thread and timers armed on the loops
     * @param loopStalls loop tasks that ran past the blocked-warning threshold, since start
     * @param loopRejections submissions a full loop refused, since start
     * @param greenletsAlive greenlets running now
     * @param greenletRejections greenlets refused at the bound, since start
     * @param greenletPinnings greenlets reported pinned to their carrier, since start
     * @param executorQueued blocking bodies waiting for an executor thread (Aiojakarta's own pool)
     * @param executorActive executor threads running a body (Aiojakarta's own pool)
     * @param executorRejections blocking bodies a full pool refused, since start
     * @param invocationsInFlight mapped invocations not settled yet
     * @param coroutinesInFlight coroutine invocations not settled yet
     * @param coroutineRejections coroutine requests refused at the bound, since start
     * @param timeouts mapped invocations past their timeout, since start
     * @param cancellations mapped invocations cancelled, since start
     */
    record Snapshot(long loopLagMillis, long loopQueued, long loopStalls, long loopRejections, long greenletsAlive,
            long greenletRejections, long greenletPinnings, long executorQueued, long executorActive,
            long executorRejections, long invocationsInFlight, long coroutinesInFlight, long coroutineRejections,
            long timeouts, long cancellations) {

        /**
         * All refusals since start: the loop's, the greenlets', the executor's and the coroutines'.
         *
         * @return their sum
         */
        public long rejections() {
            return loopRejections + greenletRejections + executorRejections + coroutineRejections;
        }
    }
}
