package io.aiojakarta.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one runtime, exposed through JMX. Thread-safe.
 */
public final class RuntimeMetrics {

    private final LongAdder timeouts = new LongAdder();
    private final LongAdder cancellations = new LongAdder();

    /** Creates zeroed counters. */
    public RuntimeMetrics() {
    }

    /** Counts a mapped body that ran out of time. */
    public void timedOut() {
        timeouts.increment();
    }

    /** Counts work cancelled (a stage cancelled or a task interrupted) because nobody waits for it any more. */
    public void cancelled() {
        cancellations.increment();
    }

    /**
     * The timeouts so far.
     *
     * @return the number of mapped bodies that ran out of time
     */
    public long timeouts() {
        return timeouts.sum();
    }

    /**
     * The cancellations so far.
     *
     * @return the number of cancelled stages and interrupted tasks
     */
    public long cancellations() {
        return cancellations.sum();
    }
}
