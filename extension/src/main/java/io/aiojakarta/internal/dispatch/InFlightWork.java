package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.message.CapacityMessages;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mapped invocations of one runtime that are not settled yet: what a shutdown waits for and
 * then cancels, and the bound on coroutines in flight ({@code aiojakarta.coroutines.max-in-flight}).
 *
 * <p>Waiting is a future completed by the last invocation to settle, never polling. Thread-safe: dispatching threads admit and track,
 * settling threads untrack, the stopping thread closes, waits and cancels.
 */
public final class InFlightWork {

    private final Set<Invocation> running = ConcurrentHashMap.newKeySet();
    private final int maxCoroutines;
    private final AtomicInteger coroutines = new AtomicInteger();
    private final LongAdder coroutineRejections = new LongAdder();
    private volatile CompletableFuture<Void> idle;
    private volatile boolean closed;

    /**
     * Creates an empty registry.
     *
     * @param maxCoroutines {@code aiojakarta.coroutines.max-in-flight}
     */
    public InFlightWork(int maxCoroutines) {
        this.maxCoroutines = maxCoroutines;
    }

    /**
     * Takes a coroutine's place in flight, or refuses it.
     *
     * @param plan the coroutine's plan, for the message
     * @throws java.util.concurrent.RejectedExecutionException when the bound is reached (AIOJ-0406)
     */
    void admitCoroutine(ViewPlan plan) {
        if (coroutines.incrementAndGet() > maxCoroutines) {
            coroutines.decrementAndGet();
            coroutineRejections.increment();
            throw CapacityMessages.MESSAGES.coroutinesExhausted(maxCoroutines, plan.name());
        }
    }

    /** Gives a coroutine's place back. */
    void releaseCoroutine() {
        coroutines.decrementAndGet();
    }

    /** Records an invocation until it settles. */
    void track(Invocation invocation) {
        running.add(invocation);
    }

    /** Forgets a settled invocation; the last one wakes a waiting drain. */
    void untrack(Invocation invocation) {
        running.remove(invocation);
        CompletableFuture<Void> waiting = idle;
        if (waiting != null && running.isEmpty()) {
            waiting.complete(null);
        }
    }

    /**
     * How many invocations are not settled.
     *
     * @return the count
     */
    public int size() {
        return running.size();
    }

    /**
     * How many coroutines are in flight.
     *
     * @return the count
     */
    public int coroutines() {
        return coroutines.get();
    }

    /**
     * How many coroutines the bound refused.
     *
     * @return the refusals so far
     */
    public long coroutineRejections() {
        return coroutineRejections.sum();
    }

    /** Marks the runtime as draining: new invocations from outside Aiojakarta's threads are refused. Idempotent. */
    public void close() {
        closed = true;
    }

    /**
     * Tells whether the runtime is draining.
     *
     * @return {@code true} after {@link #close()}
     */
    boolean isClosed() {
        return closed;
    }

    /**
     * Waits until no invocation is in flight, at most for the given time.
     *
     * @param timeout how long to wait
     * @return {@code true} when none is
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        idle = waiting;
        if (running.isEmpty()) {
            return true;
        }
        try {
            waiting.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return running.isEmpty();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Cancels every invocation in flight: each caller is answered with the given failure.
     *
     * @param reason makes the failure of one invocation from its plan
     * @return how many were cancelled
     */
    public int cancelAll(java.util.function.Function<ViewPlan, ? extends Throwable> reason) {
        int cancelled = 0;
        for (Invocation invocation : running) {
            if (invocation.cancel(reason.apply(invocation.plan))) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
