package io.aiojakarta.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, at shutdown, until a count of running work reaches zero or a drain time runs out, looking
 * every 10 ms (the counted work ends on many threads and signals nobody). Stateless.
 */
public final class DrainWait {

    private static final long POLL_MILLIS = 10;

    private DrainWait() {
    }

    /**
     * Waits until {@code idle} holds or {@code timeout} has passed.
     *
     * @param idle tells whether nothing is running any more; called on the waiting thread
     * @param timeout the longest wait
     * @return {@code true} when {@code idle} held in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static boolean until(BooleanSupplier idle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
        }
        return true;
    }
}
