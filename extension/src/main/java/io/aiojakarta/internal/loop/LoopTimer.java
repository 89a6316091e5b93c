package io.aiojakarta.internal.loop;

import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A task armed on one {@link Loop} for a deadline. Cancelling it from any thread stops it from
 * running and frees its place in the loop's bound at once; the loop forgets it on its next turn.
 * Cancelling never interrupts the loop thread. Thread-safe.
 */
final class LoopTimer extends FutureTask<Void> implements ScheduledFuture<Void> {

    private static final AtomicIntegerFieldUpdater<LoopTimer> RELEASED =
            AtomicIntegerFieldUpdater.newUpdater(LoopTimer.class, "released");

    private final Loop loop;
    private final Runnable onDrop;
    private volatile int released;
    final long deadline;
    final long sequence;
    /** Position in the loop's timer heap; -1 when not in it. Loop thread only. */
    int heapIndex = -1;

    LoopTimer(Loop loop, Runnable task, long deadline, long sequence, Runnable onDrop) {
        super(task, null);
        this.loop = loop;
        this.deadline = deadline;
        this.sequence = sequence;
        this.onDrop = onDrop;
    }

    /** Gives the timer's place in the loop's bound back, once. */
    void release() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            loop.released();
        }
    }

    /** The loop stopped before the deadline: the timer never runs. */
    void drop() {
        if (super.cancel(false)) {
            release();
            if (onDrop != null) {
                onDrop.run();
            }
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(false); // never interrupt the loop thread
        if (cancelled) {
            release();
            loop.forget(this);
        }
        return cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        if (other == this) {
            return 0;
        }
        if (other instanceof LoopTimer timer) {
            long difference = deadline - timer.deadline;
            if (difference != 0) {
                return difference < 0 ? -1 : 1;
            }
            return Long.compare(sequence, timer.sequence);
        }
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    /** Orders timers by deadline, then by arming order. */
    boolean before(LoopTimer other) {
        long difference = deadline - other.deadline;
        return difference < 0 || (difference == 0 && sequence < other.sequence);
    }
}
