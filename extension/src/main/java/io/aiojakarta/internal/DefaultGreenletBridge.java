package io.aiojakarta.internal;

import io.aiojakarta.GreenletBridge;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.exec.Greenlets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link GreenletBridge} of one runtime. Thread-safe.
 */
final class DefaultGreenletBridge implements GreenletBridge {

    private final AioRuntime runtime;

    DefaultGreenletBridge(AioRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public <T> T await(CompletionStage<T> stage) {
        return await(stage, runtime.config().bridgeStrict(), "GreenletBridge.await(stage)");
    }

    private <T> T await(CompletionStage<T> stage, boolean strict, String operation) {
        if (stage == null) {
            throw Messages.nullArgument(operation + ": stage");
        }
        checkMayWait(strict, operation);
        return Stages.join(stage);
    }

    /** Refuses to wait where waiting would deadlock the loop or, in strict mode, block a thread. */
    private void checkMayWait(boolean strict, String operation) {
        if (runtime.loop().inEventLoop()) {
            throw Messages.awaitOnEventLoop(operation);
        }
        if (strict && !Greenlets.inGreenlet()) {
            throw Messages.awaitOutsideGreenlet(operation);
        }
    }

    @Override
    public <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine) {
        return synchronize(coroutine, runtime.config().bridgeStrict());
    }

    @Override
    public <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine, boolean strict) {
        if (coroutine == null) {
            throw Messages.nullArgument("GreenletBridge.synchronize(coroutine)");
        }
        return () -> {
            checkMayWait(strict, "a synchronized coroutine"); // before the coroutine starts
            return Stages.join(onLoop(coroutine));
        };
    }

    @Override
    public <T, R> Function<T, R> synchronize(Function<? super T, ? extends CompletionStage<R>> coroutine) {
        if (coroutine == null) {
            throw Messages.nullArgument("GreenletBridge.synchronize(coroutine)");
        }
        boolean strict = runtime.config().bridgeStrict();
        return argument -> {
            checkMayWait(strict, "a synchronized coroutine"); // before the coroutine starts
            return Stages.join(onLoop(() -> coroutine.apply(argument)));
        };
    }

    /** Starts the coroutine on the event loop, as asyncio would, and flattens its stage. */
    private <T> CompletionStage<T> onLoop(Supplier<? extends CompletionStage<T>> coroutine) {
        return runtime.loop().submit(coroutine::get).thenCompose(Function.identity());
    }

    @Override
    public <T> CompletionStage<T> spawnGreenlet(Callable<T> task) {
        if (task == null) {
            throw Messages.nullArgument("GreenletBridge.spawnGreenlet(task)");
        }
        return startOn(runtime.greenlets(), task);
    }

    @Override
    public <T> CompletionStage<T> runInExecutor(Callable<T> task) {
        if (task == null) {
            throw Messages.nullArgument("GreenletBridge.runInExecutor(task)");
        }
        return startOn(runtime.executor(), task);
    }

    /**
     * Runs the task on the executor with the caller's context; completes the returned stage on the
     * event loop. Cancelling the stage interrupts the task.
     */
    private <T> CompletionStage<T> startOn(Executor executor, Callable<T> task) {
        ContextSnapshot context = runtime.contexts().capture();
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<Thread> worker = new AtomicReference<>();
        Runnable body = context.wrap(() -> {
            if (result.isDone()) {
                return;
            }
            worker.set(Thread.currentThread());
            try {
                T value = task.call();
                completeOnLoop(result, value, null);
            } catch (Throwable failure) {
                completeOnLoop(result, null, failure);
            } finally {
                worker.set(null);
                Thread.interrupted(); // a cancellation interrupt must not leak into the pool
            }
        });
        result.whenComplete((value, failure) -> {
            Thread running = worker.get();
            if (result.isCancelled() && running != null) {
                running.interrupt();
            }
        });
        try {
            executor.execute(body);
        } catch (RejectedExecutionException rejected) {
            result.completeExceptionally(rejected);
        }
        return result;
    }

    private <T> void completeOnLoop(CompletableFuture<T> result, T value, Throwable failure) {
        try {
            runtime.loop().execute(() -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException loopStopped) {
            if (failure != null) {
                loopStopped.addSuppressed(failure);
            }
            result.completeExceptionally(loopStopped);
        }
    }

    @Override
    public boolean inGreenlet() {
        return Greenlets.inGreenlet();
    }
}
