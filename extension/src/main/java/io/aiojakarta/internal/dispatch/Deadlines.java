package io.aiojakarta.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fires the timeouts of mapped invocations, on a thread of its own ({@code aio-deadlines}): a timeout
 * is honoured on time even while an event loop is blocked or every executor thread is busy, which
 * is exactly when it matters. Firing only settles the invocation; the work itself is cancelled on
 * its own thread (see {@link Invocation}). The thread starts with the first timeout. Thread-safe.
 */
final class Deadlines {

    private final ScheduledThreadPoolExecutor timer;

    Deadlines() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "aio-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Runs {@code expire} after the timeout, unless the returned future is cancelled first.
     *
     * @param expire settles the invocation; must not block
     * @param timeoutMillis the timeout, more than 0
     * @return cancels the deadline
     */
    Future<?> arm(Runnable expire, long timeoutMillis) {
        return timer.schedule(expire, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread; deadlines not reached never fire. */
    void shutdown(Duration grace) {
        timer.shutdownNow();
        try {
            timer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
