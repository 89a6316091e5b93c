package io.aiojakarta.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapped invocations of one runtime that are still running, each with the action that cancels
 * it; what a shutdown waits for and then cancels. Thread-safe: dispatching threads track and
 * untrack, the stopping thread waits and cancels.
 */
public final class InFlightWork {

    private final Set<Runnable> cancellers = ConcurrentHashMap.newKeySet();

    /** Creates an empty registry. */
    public InFlightWork() {
    }

    /**
     * Records a running invocation until {@link #untrack} is called with the same action.
     *
     * @param cancel cancels the invocation's work and answers its caller; runs at most once, on the
     *     stopping thread, and must not block
     */
    public void track(Runnable cancel) {
        cancellers.add(cancel);
    }

    /**
     * Forgets a finished invocation.
     *
     * @param cancel the action given to {@link #track}
     */
    public void untrack(Runnable cancel) {
        cancellers.remove(cancel);
    }

    /**
     * How many invocations are running.
     *
     * @return the count
     */
    public int size() {
        return cancellers.size();
    }

    /**
     * Waits until no invocation is running, at most for the given time.
     *
     * @param timeout how long to wait
     * @return {@code true} when none is running
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return DrainWait.until(cancellers::isEmpty, timeout);
    }

    /**
     * Cancels every running invocation.
     *
     * @return how many were cancelled
     */
    public int cancelAll() {
        int cancelled = 0;
        for (Runnable cancel : cancellers) {
            if (cancellers.remove(cancel)) {
                cancel.run();
                cancelled++;
            }
        }
        return cancelled;
    }
}
