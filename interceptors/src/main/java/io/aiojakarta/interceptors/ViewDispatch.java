package io.aiojakarta.interceptors;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import io.aiojakarta.ScopeException;
import io.aiojakarta.ViewTimeoutException;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.ClientDisconnectedException;
import io.aiojakarta.internal.Messages;
import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.cdi.MappedMethods;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.servlet.DisconnectWatch;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Moves one intercepted invocation onto the thread its mapper names, carrying the caller's
 * context, and hands the result back as the caller expects it. Shared by the four mappers.
 * Stateless apart from the runtime; thread-safe.
 */
final class ViewDispatch {

    private final AioRuntime runtime;
    private final WebSocketCoroutines webSockets;

    ViewDispatch(AioRuntime runtime) {
        this.runtime = runtime;
        this.webSockets = new WebSocketCoroutines(runtime.loop());
    }

    /**
     * Runs the invocation as the given mapper says.
     *
     * @param mapper the mapper bound to the invocation
     * @param invocation the intercepted invocation
     * @return what the caller receives: the stage for a coroutine, else the body's own value
     * @throws Exception the body's own exception
     */
    Object dispatch(Mapper mapper, InvocationContext invocation) throws Exception {
        long timeout = timeoutMillis(invocation);
        return switch (mapper) {
            case COROUTINE -> coroutine(invocation, timeout);
            case EXECUTOR -> blocking(invocation, runtime.executor(), Mapper.EXECUTOR, timeout);
            case GREENLET -> Greenlets.inGreenlet()
                    ? inline(invocation, timeout)
                    : blocking(invocation, runtime.greenlets(), Mapper.GREENLET, timeout);
            case COROUTINE_OR_EXECUTOR -> MappedMethods.isCoroutine(invocation.getMethod())
                    ? coroutine(invocation, timeout)
                    : blocking(invocation, runtime.executor(), Mapper.EXECUTOR, timeout);
        };
    }

    /** The method's own {@code timeoutMillis}, else the configured default; 0 for none. */
    private long timeoutMillis(InvocationContext invocation) {
        AsyncView view = invocation.getInterceptorBinding(AsyncView.class);
        long own = view == null ? 0 : view.timeoutMillis();
        return own > 0 ? own : runtime.config().timeoutMillis();
    }

    private ViewTimeoutException timedOut(InvocationContext invocation, long timeout) {
        runtime.metrics().timedOut();
        return new ViewTimeoutException("AIOJ-0701 '" + Messages.describe(invocation.getMethod())
                + "' did not finish within " + timeout + " ms; its work was cancelled");
    }

    /**
     * A greenlet body run on the calling greenlet: a timeout interrupts it, and so does a shutdown
     * that finds it still running.
     */
    private Object inline(InvocationContext invocation, long timeout) throws Exception {
        Thread self = Thread.currentThread();
        AtomicReference<RuntimeException> shutdown = new AtomicReference<>();
        Runnable cancel = () -> {
            shutdown.set(Messages.cancelledAtShutdown(invocation.getMethod()));
            runtime.metrics().cancelled();
            self.interrupt();
        };
        runtime.inFlight().track(cancel);
        try {
            return timeout <= 0 ? invocation.proceed() : inlineWithTimeout(invocation, timeout);
        } catch (Exception failure) {
            RuntimeException cancelled = shutdown.get();
            if (cancelled != null) {
                Thread.interrupted();
                throw cancelled;
            }
            throw failure;
        } finally {
            runtime.inFlight().untrack(cancel);
        }
    }

    private Object inlineWithTimeout(InvocationContext invocation, long timeout) throws Exception {
        Thread self = Thread.currentThread();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = runtime.loop().schedule(() -> {
            if (expired.compareAndSet(false, true)) {
                runtime.metrics().cancelled();
                self.interrupt();
            }
        }, Duration.ofMillis(timeout));
        try {
            Object value;
            try {
                value = invocation.proceed();
            } catch (Exception failure) {
                if (timerFired(expired)) {
                    throw timedOut(invocation, timeout);
                }
                throw failure;
            }
            if (timerFired(expired)) {
                throw timedOut(invocation, timeout);
            }
            return value;
        } finally {
            timer.cancel(false);
        }
    }

    /** Stops the timer from firing later; tells whether it fired already (and clears its interrupt). */
    private static boolean timerFired(AtomicBoolean expired) {
        if (expired.compareAndSet(false, true)) {
            return false;
        }
        Thread.interrupted();
        return true;
    }

    /**
     * The body runs on the event loop and the caller gets a stage at once, completed on a greenlet
     * (which writes the response). A caller already on the loop (a coroutine calling a coroutine)
     * runs the body inline and gets the body's own stage.
     */
    private Object coroutine(InvocationContext invocation, long timeout) throws Exception {
        EventLoop loop = runtime.loop();
        Method method = invocation.getMethod();
        if (loop.inEventLoop()) {
            return invocation.proceed(); // a coroutine calling a coroutine: already on the loop
        }
        if (MappedMethods.isWebSocketCallback(method)) {
            return webSockets.dispatch(invocation);
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        int suspended = MappedMethods.asyncResponseIndex(method);
        if (suspended >= 0 && !MappedMethods.returnsStage(method)) {
            // the body answers through its AsyncResponse; a failure of the body itself must too
            AsyncResponse response = (AsyncResponse) invocation.getParameters()[suspended];
            result.whenComplete((ignored, failure) -> {
                if (failure != null && response != null) {
                    response.resume(Stages.unwrap(failure));
                }
            });
        }
        AtomicBoolean settled = new AtomicBoolean();
        AtomicReference<CompletionStage<?>> running = new AtomicReference<>();
        if (timeout > 0) {
            ScheduledFuture<?> timer = loop.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    CompletionStage<?> body = running.get();
                    if (body != null && body.toCompletableFuture().cancel(true)) {
                        runtime.metrics().cancelled();
                    }
                    resume(result, null, timedOut(invocation, timeout), runtime.contexts().capture());
                }
            }, Duration.ofMillis(timeout));
            result.whenComplete((ignored, failure) -> timer.cancel(false));
        }
        ContextSnapshot origin = runtime.contexts().capture(); // for the hop and for a disconnect
        runtime.loop().execute(origin, () -> {
            Object returned;
            try {
                returned = invocation.proceed();
            } catch (Throwable failure) {
                if (settled.compareAndSet(false, true)) {
                    resume(result, null, failure, runtime.contexts().capture());
                }
                return;
            }
            ContextSnapshot atReturn = runtime.contexts().capture();
            if (returned instanceof CompletionStage<?> stage) {
                running.set(stage);
                stage.whenComplete((value, failure) -> {
                    if (settled.compareAndSet(false, true)) {
                        resume(result, value, failure, latest(atReturn));
                    }
                });
            } else if (settled.compareAndSet(false, true)) {
                resume(result, returned, null, atReturn);
            }
        });
        runtime.requestScope().ifPresent(WeldRequestScope::endWithAsyncResponse);
        DisconnectWatch.watch(cancelling(settled, running, result, origin, () -> new ClientDisconnectedException(
                "AIOJ-0702 the client of '" + Messages.describe(method) + "' disconnected; its work was cancelled")));
        Runnable atShutdown = cancelling(settled, running, result, origin, () -> Messages.cancelledAtShutdown(method));
        runtime.inFlight().track(atShutdown);
        result.whenComplete((ignored, failure) -> runtime.inFlight().untrack(atShutdown));
        return MappedMethods.returnsStage(method) ? result : null;
    }

    /**
     * Cancels a coroutine that has not settled: its body's stage is cancelled and its caller
     * answered with the given failure, on a greenlet with the caller's context.
     */
    private Runnable cancelling(AtomicBoolean settled, AtomicReference<CompletionStage<?>> running,
            CompletableFuture<Object> result, ContextSnapshot origin, Supplier<? extends Throwable> why) {
        return () -> {
            if (settled.compareAndSet(false, true)) {
                CompletionStage<?> body = running.get();
                if (body != null) {
                    body.toCompletableFuture().cancel(true);
                }
                runtime.metrics().cancelled();
                resume(result, null, why.get(), origin);
            }
        };
    }

    /**
     * The context to resume with: the completing thread's own when it carries more (a loop task of
     * this request), else the one captured when the body returned.
     */
    private ContextSnapshot latest(ContextSnapshot atReturn) {
        ContextSnapshot now = runtime.contexts().capture();
        return now.carriesAsMuchAs(atReturn) ? now : atReturn;
    }

    /** Completes the caller's stage on a greenlet with the given context. */
    private void resume(CompletableFuture<Object> result, Object value, Throwable failure, ContextSnapshot context) {
        Throwable original = failure == null ? null : Stages.unwrap(failure);
        Runnable complete = context.wrap(() -> {
            if (original == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(original);
            }
        });
        try {
            runtime.greenlets().execute(complete);
        } catch (RejectedExecutionException exhausted) {
            complete.run();
        }
    }

    /**
     * The body runs on the given executor while the caller waits: a greenlet parks, a platform
     * thread blocks. The event loop may not wait.
     */
    private Object blocking(InvocationContext invocation, Executor executor, Mapper mapper, long timeout) throws Exception {
        if (runtime.loop().inEventLoop()) {
            throw new ScopeException("AIOJ-0304 @AsyncView(" + mapper + ") method '"
                    + Messages.describe(invocation.getMethod()) + "' called on event-loop thread '"
                    + Thread.currentThread().getName() + "': its caller would block the loop. Call it through "
                    + (mapper == Mapper.EXECUTOR ? "GreenletBridge.runInExecutor(...)" : "GreenletBridge.spawnGreenlet(...)")
                    + " and compose the returned stage");
        }
        ContextSnapshot context = runtime.contexts().capture();
        CompletableFuture<Object> done = new CompletableFuture<>();
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicBoolean started = new AtomicBoolean();
        AtomicReference<RuntimeException> shutdown = new AtomicReference<>();
        executor.execute(() -> {
            if (!started.compareAndSet(false, true)) {
                return; // cancelled by a shutdown before it could start
            }
            Object value = null;
            Throwable failure = null;
            worker.set(Thread.currentThread());
            try {
                value = context.call(invocation::proceed);
            } catch (Throwable thrown) {
                failure = thrown;
            } finally {
                worker.set(null);
            }
            // completed only once the hop's context is closed, so that its request-scoped
            // instances are recorded before the caller adopts them
            if (failure == null) {
                done.complete(value);
            } else {
                done.completeExceptionally(failure);
            }
        });
        DisconnectWatch.watch(() -> {
            Thread running = worker.get();
            if (running != null && !done.isDone()) {
                running.interrupt();
                runtime.metrics().cancelled();
            }
        });
        Runnable atShutdown = () -> {
            RuntimeException cancelled = Messages.cancelledAtShutdown(invocation.getMethod());
            shutdown.set(cancelled);
            runtime.metrics().cancelled();
            if (started.compareAndSet(false, true)) {
                done.completeExceptionally(cancelled); // still queued: it never runs
            } else {
                Thread running = worker.get();
                if (running != null) {
                    running.interrupt();
                }
            }
        };
        runtime.inFlight().track(atShutdown);
        try {
            return awaitBody(invocation, done, worker, timeout);
        } catch (Exception failure) {
            RuntimeException cancelled = shutdown.get();
            throw cancelled != null ? cancelled : failure;
        } finally {
            runtime.inFlight().untrack(atShutdown);
            runtime.requestScope().ifPresent(WeldRequestScope::adoptHopInstances);
        }
    }

    /** Waits for a blocking body's outcome, at most for its timeout; on expiry interrupts it. */
    private Object awaitBody(InvocationContext invocation, CompletableFuture<Object> done, AtomicReference<Thread> worker,
            long timeout) throws Exception {
        if (timeout <= 0) {
            return Stages.join(done);
        }
        try {
            return done.get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw Stages.sneakyThrow(Stages.unwrap(failed));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for '" + Messages.describe(invocation.getMethod()) + "'");
        } catch (TimeoutException expired) {
            Thread running = worker.get();
            if (running != null) {
                running.interrupt();
                runtime.metrics().cancelled();
            }
            throw timedOut(invocation, timeout);
        }
    }
}
