package io.aiojakarta.internal;

import io.aiojakarta.ScopeException;
import io.aiojakarta.internal.config.ConfigSource;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * Every user-facing message of Aiojakarta, each with a stable id ({@code AIOJ-nnnn}) so that it can
 * be searched for in logs and documentation. Methods return the text or the exception to throw.
 * Stateless and thread-safe.
 */
public final class Messages {

    private Messages() {
    }

    /**
     * {@code AIOJ-0101}: {@code @AsyncView(COROUTINE)} on a method that cannot be a coroutine.
     *
     * @param method the offending method
     * @return the definition-error text
     */
    public static String coroutineNeedsStage(Method method) {
        return "AIOJ-0101 @AsyncView(COROUTINE) on '" + describe(method)
                + "': must return CompletionStage or take @Suspended AsyncResponse, returns "
                + method.getGenericReturnType().getTypeName().replace("java.lang.", "");
    }

    /**
     * {@code AIOJ-0102}: {@code @AsyncView} is used but no interceptor is bound to a mapper.
     *
     * @param mapper the mapper without an interceptor
     * @param user one class that uses it
     * @return the deployment-problem text
     */
    public static String mapperMissing(String mapper, String user) {
        return "AIOJ-0102 @AsyncView(" + mapper + ") on '" + user + "' has no interceptor: add the "
                + "io.aiojakarta:aiojakarta-interceptors jar next to aiojakarta-extension";
    }

    /**
     * {@code AIOJ-0104}: a mapped resource method whose resource is not a CDI bean.
     *
     * @param method the mapped method
     * @return the deployment-problem text
     */
    public static String viewIsNotABean(Method method) {
        return "AIOJ-0104 @AsyncView on '" + describe(method) + "' has no effect: "
                + method.getDeclaringClass().getName() + " is not a CDI bean (bean discovery mode 'annotated' and no "
                + "bean-defining annotation, or registered as a singleton instance). Put @AsyncView or a scope such "
                + "as @RequestScoped on the class";
    }

    /**
     * {@code AIOJ-0105}: a mapped WebSocket callback returning a stage without a {@code Session}
     * parameter to send its value through.
     *
     * @param method the callback
     * @return the definition-error text
     */
    public static String webSocketStageNeedsSession(Method method) {
        return "AIOJ-0105 @AsyncView WebSocket callback '" + describe(method) + "' returns a stage: add a "
                + "jakarta.websocket.Session parameter, through which its value is sent when the stage completes";
    }

    /**
     * {@code AIOJ-0106}: {@code @AsyncView} and Jakarta Concurrency's {@code @Asynchronous} on one method.
     *
     * @param method the method
     * @return the definition-error text
     */
    public static String conflictingAsynchronous(Method method) {
        return "AIOJ-0106 '" + describe(method) + "' has both @AsyncView and @Asynchronous: each moves the body "
                + "to another thread and they would stack; keep @AsyncView (or remove it to keep @Asynchronous)";
    }

    /**
     * {@code AIOJ-0201}: an invalid configuration value.
     *
     * @param key the key
     * @param raw the value and where it came from
     * @param rule what a valid value looks like
     * @return the deployment-problem text
     */
    public static String invalidConfig(String key, ConfigSource.RawValue raw, String rule) {
        return "AIOJ-0201 configuration '" + key + "' = '" + raw.value() + "' (from " + raw.origin()
                + ") is invalid: " + rule;
    }

    /**
     * {@code AIOJ-0301}: awaiting on the event loop.
     *
     * @param operation what was called
     * @return the exception to throw
     */
    public static ScopeException awaitOnEventLoop(String operation) {
        return new ScopeException("AIOJ-0301 " + operation + " called on event-loop thread '"
                + Thread.currentThread().getName() + "': waiting there would deadlock the loop. Compose the "
                + "stage instead (thenCompose/thenApply), or run the waiting code on a greenlet with "
                + "GreenletBridge.spawnGreenlet(...)");
    }

    /**
     * {@code AIOJ-0302}: awaiting on a platform thread in strict mode.
     *
     * @param operation what was called
     * @return the exception to throw
     */
    public static ScopeException awaitOnPlatformThread(String operation) {
        return new ScopeException("AIOJ-0302 " + operation + " called on thread '"
                + Thread.currentThread().getName() + "', a platform thread, in strict mode. Run the "
                + "code on a greenlet (@AsyncView(GREENLET) on the resource, GreenletBridge.spawnGreenlet(...), or "
                + "every request on one: aiojakarta.greenlets.requests=true, and on GlassFish virtual request "
                + "threads; AIOJ-0518 in the log says why requests are not on greenlets), or use "
                + "synchronize(coroutine, false) / aiojakarta.bridge.strict=false to block this thread");
    }

    /**
     * {@code AIOJ-0303}: a null argument to the public API.
     *
     * @param what the parameter's name and method
     * @return the exception to throw
     */
    public static NullPointerException nullArgument(String what) {
        return new NullPointerException("AIOJ-0303 " + what + " must not be null");
    }

    /**
     * {@code AIOJ-0401}: a task offered to a pool that has been shut down.
     *
     * @param pool the pool's name
     * @return the exception to throw
     */
    public static RejectedExecutionException shutDown(String pool) {
        return new RejectedExecutionException("AIOJ-0401 the " + pool + " has been shut down and accepts no task");
    }

    /**
     * {@code AIOJ-0512}: a mapped invocation still running when the drain time ran out.
     *
     * @param method the invocation's method, as {@link #describe} names it
     * @return the exception its caller receives (503 over HTTP)
     */
    public static RejectedExecutionException cancelledAtShutdown(String method) {
        return new RejectedExecutionException("AIOJ-0512 the application is shutting down: '" + method
                + "' was still running after the drain time and was cancelled");
    }

    /**
     * {@code AIOJ-0402}: the executor's queue is full.
     *
     * @param maxThreads the configured thread bound
     * @param queueSize the configured queue bound
     * @return the exception to throw
     */
    public static RejectedExecutionException executorFull(int maxThreads, int queueSize) {
        return new RejectedExecutionException("AIOJ-0402 the executor is saturated (" + maxThreads
                + " threads busy, " + queueSize + " tasks queued): raise aiojakarta.executor.max-threads or "
                + "aiojakarta.executor.queue-size, or move blocking work off the hot path");
    }

    /**
     * {@code AIOJ-0405}: an event loop's bound on tasks and timers is reached.
     *
     * @param loop the loop thread's name
     * @param capacity the configured bound
     * @return the exception to throw
     */
    public static RejectedExecutionException loopFull(String loop, int capacity) {
        return new RejectedExecutionException("AIOJ-0405 event loop '" + loop + "' holds " + capacity
                + " tasks and timers, the bound of aiojakarta.event-loop.max-queued: the task was refused. "
                + "Raise the bound, or lower aiojakarta.coroutines.max-in-flight so that fewer coroutines wait at once");
    }

    /**
     * {@code AIOJ-0406}: the bound on coroutine requests in flight is reached.
     *
     * @param method the refused coroutine
     * @param max the configured bound
     * @return the exception to throw (503 with {@code Retry-After} over HTTP)
     */
    public static RejectedExecutionException coroutinesExhausted(String method, int max) {
        return new RejectedExecutionException("AIOJ-0406 " + max + " coroutines are in flight, the bound of "
                + "aiojakarta.coroutines.max-in-flight: '" + method + "' was refused before its body ran");
    }

    /**
     * {@code AIOJ-0403}: the greenlet bound is reached.
     *
     * @param max the configured bound
     * @return the exception to throw
     */
    public static RejectedExecutionException greenletsExhausted(int max) {
        return new RejectedExecutionException("AIOJ-0403 " + max + " greenlets are alive, the bound of "
                + "aiojakarta.greenlets.max-concurrent: the task was refused");
    }

    /**
     * Names a method as {@code com.acme.Orders#list(String)}.
     *
     * @param method the method
     * @return its declaring class's name, {@code #}, its name and parameter types
     */
    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
