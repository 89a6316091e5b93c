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
 * <p><b>Continuations follow the code, not the thread.</b> Every stage this loop hands out
 * ({@link #sleep}, {@link #submit}, {@link #adopt}), and every stage derived from one, runs each
 * dependent ({@code thenApply}, {@code whenComplete}, ..., and the {@code ...Async} forms) with the
 * context that was current when the dependent was registered, whichever thread completes the stage
 * (MicroProfile Context Propagation's {@code withContextCapture} semantics). Dependents without an
 * executor of their own run on the loop, as asyncio runs a future's callbacks: on the loop of the
 * coroutine that registered them. A stage from elsewhere (a client library's future, a future
 * another request completes) comes under the same rule through {@link #adopt}.
 *
 * <table>
 *   <caption>Where a dependent runs and with which context</caption>
 *   <tr><th>stage</th><th>dependent runs on</th><th>with the context of</th></tr>
 *   <tr><td>handed out by Aiojakarta, or adopted</td><td>the loop (or the given executor)</td>
 *       <td>the code that registered the dependent</td></tr>
 *   <tr><td>any other {@code CompletableFuture}</td><td>the thread that completes it</td>
 *       <td>that thread: someone else's, or none</td></tr>
 * </table>
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
     * @return a stage completed with {@code null} on a loop thread after {@code delay}; failed at
     *     once with a {@code RejectedExecutionException} when the loop is stopped or full
     */
    CompletionStage<Void> sleep(Duration delay);

    /**
     * The counterpart of {@code loop.call_soon}: runs the task on the loop and completes the
     * returned stage with its result, or with the exception it threw (never wrapped).
     *
     * @param task the task; must not block
     * @param <T> the result type
     * @return a stage completed on a loop thread; failed at once with a
     *     {@code RejectedExecutionException} when the loop is stopped or full, never blocking
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
     * Brings a stage from elsewhere (a JAX-RS client's {@code rx()} stage, a driver's future, a
     * future another request completes) under this loop's rule: the returned stage completes with
     * the same value or the same exception (unwrapped), and each of its dependents runs on the loop
     * with the context of the code that registered it. Cancelling the returned stage cancels
     * {@code stage} when it can be viewed as a {@code CompletableFuture}. A stage this loop handed
     * out is returned as it is.
     *
     * <pre>{@code
     * return loop.adopt(client.target(url).request().rx().get(String.class))
     *         .thenApply(body -> body + " for " + caller.name());   // caller: a @RequestScoped bean
     * }</pre>
     *
     * @param stage the foreign stage
     * @param <T> the value type
     * @return a stage whose dependents follow the code that registers them
     */
    <T> CompletionStage<T> adopt(CompletionStage<T> stage);

    /**
     * Runs the task on the loop as soon as possible, with the submitter's context.
     *
     * @param task the task; must not block
     * @throws java.util.concurrent.RejectedExecutionException when the loop has been shut down or holds
     *     {@code aiojakarta.event-loop.max-queued} tasks and timers already
     */
    @Override
    void execute(Runnable task);
}
