package io.aiojakarta;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets synchronous code wait for asynchronous code and asynchronous code run synchronous code: the
 * counterpart of Aiopyramid's {@code synchronize} and {@code spawn_greenlet}. An
 * {@code @ApplicationScoped} bean, injectable anywhere.
 *
 * <p><b>Greenlets</b> are virtual threads started by Aiojakarta (named {@code aio-greenlet-N}) that
 * carry the request's context. Awaiting on a greenlet parks it and frees its carrier thread, so
 * thousands of requests can wait at once.
 *
 * <p><b>Where each call may be made.</b>
 * <ul>
 *   <li>On a greenlet: everything; {@link #await} parks the greenlet.</li>
 *   <li>On the event loop: {@link #spawnGreenlet} and {@link #runInExecutor}; {@link #await} always
 *       throws {@link ScopeException}, since waiting there would deadlock the loop.</li>
 *   <li>On any other thread: in strict mode (the default, {@code aiojakarta.bridge.strict=true})
 *       {@link #await} throws {@link ScopeException}; in non-strict mode it blocks the thread.</li>
 * </ul>
 *
 * <p><b>Errors.</b> A stage that fails with exception {@code X} makes {@link #await} throw
 * {@code X} itself, checked exceptions included (undeclared, as a coroutine's exception propagates
 * through {@code yield from}), never a {@code CompletionException} or {@code ExecutionException}
 * around it. The stages returned by {@link #spawnGreenlet} and {@link #runInExecutor} fail with the
 * task's own exception.
 *
 * <p><b>Context.</b> Tasks started by this bridge run with the caller's context restored (see
 * {@link EventLoop}). All methods are thread-safe.
 */
public interface GreenletBridge {

    /**
     * Waits for the stage and returns its value: parks the calling greenlet (never an OS thread),
     * or blocks a platform thread in non-strict mode.
     *
     * @param stage the stage to wait for
     * @param <T> the value type
     * @return the stage's value
     * @throws ScopeException on the event loop, or on a platform thread in strict mode (a greenlet, or
     *     any other virtual thread, parks)
     * @throws java.util.concurrent.CancellationException when the stage was cancelled
     */
    <T> T await(CompletionStage<T> stage);

    /**
     * Wraps a coroutine so that synchronous code can call it like a plain method, in strict mode:
     * the returned supplier may only be called on a greenlet.
     *
     * @param coroutine supplies the stage to wait for; called on each {@code get()}
     * @param <T> the value type
     * @return a supplier that starts the coroutine and {@linkplain #await awaits} it
     */
    <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine);

    /**
     * Wraps a coroutine so that synchronous code can call it like a plain method.
     *
     * @param coroutine supplies the stage to wait for; called on each {@code get()}
     * @param strict {@code true}: calling the supplier on a platform thread throws {@link ScopeException};
     *     {@code false}: it blocks a platform thread instead
     * @param <T> the value type
     * @return a supplier that starts the coroutine and waits for it
     */
    <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine, boolean strict);

    /**
     * Wraps a one-argument coroutine so that synchronous code can call it like a plain function,
     * in strict mode.
     *
     * @param coroutine maps the argument to the stage to wait for
     * @param <T> the argument type
     * @param <R> the value type
     * @return a function that starts the coroutine and {@linkplain #await awaits} it
     */
    <T, R> Function<T, R> synchronize(Function<? super T, ? extends CompletionStage<R>> coroutine);

    /**
     * Runs synchronous code on a new greenlet carrying the caller's context, so that it may
     * {@link #await} coroutines, and returns a stage for its result.
     *
     * @param task the code to run; may block briefly and await stages
     * @param <T> the result type
     * @return a stage completed with the task's result or its own exception, whose dependents run
     *     on the event loop with the context of the code that registered them; cancelling it
     *     before the task starts means it never starts, while it runs interrupts it
     * @throws NullPointerException when {@code task} is null
     */
    <T> CompletionStage<T> spawnGreenlet(Callable<T> task);

    /**
     * Runs blocking code on the executor (the counterpart of {@code loop.run_in_executor}) with the
     * caller's context.
     *
     * @param task the blocking code
     * @param <T> the result type
     * @return a stage completed with the task's result or its own exception, whose dependents run
     *     on the event loop with the context of the code that registered them; cancelling it
     *     before the task starts means it never starts, while it runs interrupts it
     * @throws NullPointerException when {@code task} is null
     */
    <T> CompletionStage<T> runInExecutor(Callable<T> task);

    /**
     * Tells whether the calling thread is a greenlet.
     *
     * @return {@code true} on a greenlet started by Aiojakarta
     */
    boolean inGreenlet();
}
