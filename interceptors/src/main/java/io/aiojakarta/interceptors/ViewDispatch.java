package io.aiojakarta.interceptors;

import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import io.aiojakarta.ScopeException;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.Messages;
import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.cdi.MappedMethods;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.Greenlets;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

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
        return switch (mapper) {
            case COROUTINE -> coroutine(invocation);
            case EXECUTOR -> blocking(invocation, runtime.executor(), Mapper.EXECUTOR);
            case GREENLET -> Greenlets.inGreenlet()
                    ? invocation.proceed()
                    : blocking(invocation, runtime.greenlets(), Mapper.GREENLET);
            case COROUTINE_OR_EXECUTOR -> MappedMethods.isCoroutine(invocation.getMethod())
                    ? coroutine(invocation)
                    : blocking(invocation, runtime.executor(), Mapper.EXECUTOR);
        };
    }

    /**
     * The body runs on the event loop; the caller gets a stage at once. The stage completes on the
     * loop when the caller is a coroutine itself, else on a greenlet, which writes the response.
     */
    private Object coroutine(InvocationContext invocation) throws Exception {
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
        loop.execute(() -> {
            Object returned;
            try {
                returned = invocation.proceed();
            } catch (Throwable failure) {
                resume(result, null, failure, runtime.contexts().capture());
                return;
            }
            ContextSnapshot atReturn = runtime.contexts().capture();
            if (returned instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, failure) -> resume(result, value, failure, latest(atReturn)));
            } else {
                resume(result, returned, null, atReturn);
            }
        });
        runtime.requestScope().ifPresent(WeldRequestScope::endWithAsyncResponse);
        return MappedMethods.returnsStage(method) ? result : null;
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
    private Object blocking(InvocationContext invocation, Executor executor, Mapper mapper) throws Exception {
        if (runtime.loop().inEventLoop()) {
            throw new ScopeException("AIOJ-0304 @AsyncView(" + mapper + ") method '"
                    + Messages.describe(invocation.getMethod()) + "' called on event-loop thread '"
                    + Thread.currentThread().getName() + "': its caller would block the loop. Call it through "
                    + (mapper == Mapper.EXECUTOR ? "GreenletBridge.runInExecutor(...)" : "GreenletBridge.spawnGreenlet(...)")
                    + " and compose the returned stage");
        }
        ContextSnapshot context = runtime.contexts().capture();
        CompletableFuture<Object> done = new CompletableFuture<>();
        executor.execute(() -> {
            Object value = null;
            Throwable failure = null;
            try {
                value = context.call(invocation::proceed);
            } catch (Throwable thrown) {
                failure = thrown;
            }
            // completed only once the hop's context is closed, so that its request-scoped
            // instances are recorded before the caller adopts them
            if (failure == null) {
                done.complete(value);
            } else {
                done.completeExceptionally(failure);
            }
        });
        try {
            return Stages.join(done);
        } finally {
            runtime.requestScope().ifPresent(WeldRequestScope::adoptHopInstances);
        }
    }
}
