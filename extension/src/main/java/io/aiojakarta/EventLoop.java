package io.aiojakarta;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;

/**
 * The managed event loop: the thread (or threads, see {@code aiojakarta.event-loop.threads}) on
 * which coroutine bodies run, started and stopped with the CDI container. An
 * {@code @ApplicationScoped} bean, injectable anywhere.
 *
 * <p><b>Threads.</b> Loop threads are named {@code aio-loop-N}. Code running on the loop must never
 * block: it would stall every coroutine sharing the loop. With the default single thread, coroutine
 * code needs no locks, as in asyncio.
 *
 * <p><b>Context.</b> Every task handed to the loop by {@link #execute}, {@link #submit} or
 * {@link #schedule} carries the submitter's context (the request's {@code @RequestScoped}
 * instances, the JAX-RS {@code @Context} objects, the thread context class loader) and runs with
 * it restored.
 *
 * <p>All methods are thread-safe and may be called from any thread.
 */
public interface EventLoop extends Executor {

    /**
     * Tells whether the calling thread is a thread of this event loop.
     *
     * @return {@code true} on a loop thread
     */
    boolean inEventLoop();

    /**
     * The counterpart of {@code asyncio.sleep}: a stage that completes on the loop after the
     * delay, without holding any thread meanwhile. Cancelling the stage cancels the timer.
     *
     * @param delay how long to wait; zero or negative completes on the next loop turn
     * @return a stage completed with {@code null} on a loop thread after {@code delay}
     */
    CompletionStage<Void> sleep(Duration delay);

    /**
     * The counterpart of {@code loop.call_soon}: runs the task on the loop and completes the
     * returned stage with its result, or with the exception it threw (never wrapped).
     *
     * @param task the task; must not block
     * @param <T> the result type
     * @return a stage completed on a loop thread
     */
    <T> CompletionStage<T> submit(Callable<T> task);

    /**
     * The counterpart of {@code loop.call_later}: runs the task on the loop after the delay.
     *
     * @param task the task; must not block
     * @param delay how long to wait
     * @return a future that can cancel the pending task
     */
    ScheduledFuture<?> schedule(Runnable task, Duration delay);

    /**
     * Runs the task on the loop as soon as possible, with the submitter's context.
     *
     * @param task the task; must not block
     * @throws java.util.concurrent.RejectedExecutionException when the loop has been shut down
     */
    @Override
    void execute(Runnable task);
}
