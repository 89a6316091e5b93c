package io.aiojakarta.internal;

import io.aiojakarta.internal.message.UsageMessages;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.loop.ContextualStage;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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
            throw UsageMessages.MESSAGES.nullArgument(operation + ": stage");
        }
        checkMayWait(strict, operation);
        return Stages.join(stage);
    }

    /** Refuses to wait where waiting would deadlock the loop or, in strict mode, block a thread. */
    private void checkMayWait(boolean strict, String operation) {
        if (runtime.loop().inEventLoop()) {
            throw UsageMessages.MESSAGES.awaitOnEventLoop(operation, Thread.currentThread().getName());
        }
        // every greenlet is a virtual thread, and so is a server's virtual request thread before the
        // request reaches Aiojakarta: waiting parks any of them and holds no OS thread
        if (strict && !Thread.currentThread().isVirtual()) {
            throw UsageMessages.MESSAGES.awaitOnPlatformThread(operation, Thread.currentThread().getName());
        }
    }

    @Override
    public <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine) {
        return synchronize(coroutine, runtime.config().bridgeStrict());
    }

    @Override
    public <T> Supplier<T> synchronize(Supplier<? extends CompletionStage<T>> coroutine, boolean strict) {
        if (coroutine == null) {
            throw UsageMessages.MESSAGES.nullArgument("GreenletBridge.synchronize(coroutine)");
        }
        return () -> {
            checkMayWait(strict, "a synchronized coroutine"); // before the coroutine starts
            return Stages.join(onLoop(coroutine));
        };
    }

    @Override
    public <T, R> Function<T, R> synchronize(Function<? super T, ? extends CompletionStage<R>> coroutine) {
        if (coroutine == null) {
            throw UsageMessages.MESSAGES.nullArgument("GreenletBridge.synchronize(coroutine)");
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
            throw UsageMessages.MESSAGES.nullArgument("GreenletBridge.spawnGreenlet(task)");
        }
        return startOn(runtime.greenlets(), task);
    }

    @Override
    public <T> CompletionStage<T> runInExecutor(Callable<T> task) {
        if (task == null) {
            throw UsageMessages.MESSAGES.nullArgument("GreenletBridge.runInExecutor(task)");
        }
        return startOn(runtime.executor(), task);
    }

    /**
     * Runs the task on the executor with the caller's context and returns a stage whose dependents
     * follow the code that registers them. Cancelling the stage before the task starts means it
     * never starts; while it runs, interrupts it (and nothing after it on that thread).
     */
    private <T> CompletionStage<T> startOn(Executor executor, Callable<T> task) {
        ContextSnapshot context = runtime.contexts().capture();
        ContextualStage<T> result = runtime.loop().newStage();
        Hop<T> hop = new Hop<>(result, context, task);
        result.whenCompleteInline(hop::resultSettled);
        try {
            executor.execute(hop);
        } catch (RejectedExecutionException rejected) {
            result.completeExceptionally(rejected);
        }
        return result;
    }

    @Override
    public boolean inGreenlet() {
        return Greenlets.inGreenlet();
    }

    /** One task handed to a pool by the bridge. */
    private static final class Hop<T> implements Runnable {

        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int OVER = 2;

        private final ContextualStage<T> result;
        private final ContextSnapshot context;
        private final Callable<T> task;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private Thread worker;
        private T value; // the outcome, written and published by the thread that ran the task
        private Throwable failure;

        Hop(ContextualStage<T> result, ContextSnapshot context, Callable<T> task) {
            this.result = result;
            this.context = context;
            this.task = task;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return; // cancelled before it started
            }
            synchronized (this) {
                worker = Thread.currentThread();
            }
            try {
                value = context.call(task);
            } catch (Throwable thrown) {
                failure = thrown;
            } finally {
                synchronized (this) {
                    worker = null;
                }
                state.set(OVER);
                Thread.interrupted(); // a cancellation interrupt must not leak into the pool
            }
            if (!Greenlets.publishAtEnd(this::publish)) {
                publish();
            }
        }

        /** Settles the result: on a greenlet, once it has given back its place under the bound. */
        private void publish() {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        }

        /** The result was settled: a cancellation stops a task not started, interrupts a running one. */
        void resultSettled() {
            if (!result.isCancelled() || state.compareAndSet(QUEUED, OVER)) {
                return;
            }
            synchronized (this) {
                if (worker != null) {
                    worker.interrupt();
                }
            }
        }
    }
}
