package io.aiojakarta.internal.loop;

import io.aiojakarta.EventLoop;
import io.aiojakarta.internal.context.ContextSnapshot;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stage handed out by Aiojakarta (by the {@code EventLoop}, the {@code GreenletBridge}, or
 * {@code EventLoop.adopt}) whose continuations follow the code that registered them, not the thread
 * that completes the stage: the semantics of MicroProfile Context Propagation's
 * {@code ThreadContext.withContextCapture}, with asyncio's scheduling.
 *
 * <ul>
 *   <li>Each dependent ({@code thenApply}, {@code whenComplete}, ..., and the {@code ...Async}
 *       forms) captures the context current when it is registered and runs with it.</li>
 *   <li>Dependents without an executor run on the event loop, as asyncio runs a future's callbacks
 *       with {@code call_soon}: on the loop of the registering context (the loop of a coroutine's
 *       body), inline when the stage completes there, else queued on it.</li>
 *   <li>Dependents with an executor run on that executor, with the registered context.</li>
 *   <li>Every stage derived from one is again a {@code ContextualStage}.</li>
 * </ul>
 *
 * <p>Thread-safe, as {@code CompletableFuture}.
 *
 * @param <T> the value type
 */
public sealed class ContextualStage<T> extends CompletableFuture<T> permits ContextualStage.Sleep {

    private final ManagedEventLoop loop;

    ContextualStage(ManagedEventLoop loop) {
        this.loop = loop;
    }

    ManagedEventLoop loop() {
        return loop;
    }

    private Executor continuation() {
        return loop.continuationExecutor(loop.capture());
    }

    private Executor continuation(Executor executor) {
        if (executor == null) {
            throw new NullPointerException("executor");
        }
        ContextSnapshot context = loop.capture();
        if (executor instanceof EventLoop) {
            // the loop itself, or the CDI proxy of the EventLoop bean: no second context around the task
            return loop.continuationExecutor(context);
        }
        return task -> executor.execute(context.wrap(task));
    }

    /**
     * Runs the action inline, without context, once this stage completes: for Aiojakarta's own
     * bookkeeping, never for user code.
     *
     * @param action what to run
     */
    public void whenCompleteInline(Runnable action) {
        super.whenComplete((ignored, failure) -> action.run());
    }

    /**
     * Runs the action inline, without context, once this stage completes, with its outcome: for
     * Aiojakarta's own bookkeeping, never for user code. Unlike {@link #whenComplete}, it neither
     * captures a context nor derives a stage.
     *
     * @param action what to run with the value and the failure
     */
    public void whenCompleteInline(BiConsumer<? super T, ? super Throwable> action) {
        super.whenComplete(action);
    }

    /**
     * Runs the action inline, without context, when this stage is cancelled: for Aiojakarta's own
     * clean-up (a timer to disarm, a source stage to cancel), never for user code.
     */
    void onCancel(Runnable action) {
        super.whenComplete((ignored, failure) -> {
            if (isCancelled()) {
                action.run();
            }
        });
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ContextualStage<>(loop);
    }

    @Override
    public Executor defaultExecutor() {
        return loop;
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return super.completeAsync(supplier, continuation());
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        return super.completeAsync(supplier, continuation(executor));
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return super.thenApplyAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return super.thenApplyAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return super.thenApplyAsync(fn, continuation(executor));
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return super.thenAcceptAsync(action, continuation());
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action) {
        return super.thenAcceptAsync(action, continuation());
    }

    @Override
    public CompletableFuture<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return super.thenAcceptAsync(action, continuation(executor));
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return super.thenRunAsync(action, continuation());
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action) {
        return super.thenRunAsync(action, continuation());
    }

    @Override
    public CompletableFuture<Void> thenRunAsync(Runnable action, Executor executor) {
        return super.thenRunAsync(action, continuation(executor));
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return super.thenCombineAsync(other, fn, continuation());
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        return super.thenCombineAsync(other, fn, continuation());
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombineAsync(CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return super.thenCombineAsync(other, fn, continuation(executor));
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return super.thenAcceptBothAsync(other, action, continuation());
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        return super.thenAcceptBothAsync(other, action, continuation());
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBothAsync(CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action, Executor executor) {
        return super.thenAcceptBothAsync(other, action, continuation(executor));
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return super.runAfterBothAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return super.runAfterBothAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return super.runAfterBothAsync(other, action, continuation(executor));
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return super.applyToEitherAsync(other, fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return super.applyToEitherAsync(other, fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn, Executor executor) {
        return super.applyToEitherAsync(other, fn, continuation(executor));
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return super.acceptEitherAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return super.acceptEitherAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action, Executor executor) {
        return super.acceptEitherAsync(other, action, continuation(executor));
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return super.runAfterEitherAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return super.runAfterEitherAsync(other, action, continuation());
    }

    @Override
    public CompletableFuture<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return super.runAfterEitherAsync(other, action, continuation(executor));
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return super.thenComposeAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return super.thenComposeAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn, Executor executor) {
        return super.thenComposeAsync(fn, continuation(executor));
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return super.whenCompleteAsync(action, continuation());
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return super.whenCompleteAsync(action, continuation());
    }

    @Override
    public CompletableFuture<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return super.whenCompleteAsync(action, continuation(executor));
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return super.handleAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return super.handleAsync(fn, continuation());
    }

    @Override
    public <U> CompletableFuture<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return super.handleAsync(fn, continuation(executor));
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return super.exceptionallyAsync(fn, continuation());
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
        return super.exceptionallyAsync(fn, continuation());
    }

    @Override
    public CompletableFuture<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
        return super.exceptionallyAsync(fn, continuation(executor));
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return super.exceptionallyComposeAsync(fn, continuation());
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return super.exceptionallyComposeAsync(fn, continuation());
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn, Executor executor) {
        return super.exceptionallyComposeAsync(fn, continuation(executor));
    }

    /**
     * The stage of {@code EventLoop.sleep}: cancelling it (or completing it with a
     * {@code CancellationException}) disarms its timer at once, freeing the timer's place in the
     * loop's bound, without a dependent stage per sleep. Thread-safe.
     */
    static final class Sleep extends ContextualStage<Void> implements Runnable {

        private volatile LoopTimer timer;

        Sleep(ManagedEventLoop loop) {
            super(loop);
        }

        /** The timer fired: the sleep is over. Runs on the loop. */
        @Override
        public void run() {
            complete(null);
        }

        /** Keeps the armed timer; a stage cancelled meanwhile disarms it at once. */
        void arm(LoopTimer armed) {
            timer = armed;
            disarmIfCancelled();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            disarmIfCancelled();
            return cancelled;
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            boolean completed = super.completeExceptionally(failure);
            disarmIfCancelled();
            return completed;
        }

        private void disarmIfCancelled() {
            LoopTimer armed = timer;
            if (armed != null && isCancelled()) {
                armed.cancel(false);
            }
        }
    }
}
