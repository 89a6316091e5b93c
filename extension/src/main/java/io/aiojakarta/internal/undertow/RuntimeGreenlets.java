package io.aiojakarta.internal.undertow;

import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import jakarta.servlet.ServletContext;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The greenlets a deployment's requests run on: those of the deployment's Aiojakarta runtime, found
 * when the first request comes (the CDI container starts after Undertow reads the deployment), so
 * that request greenlets and mapped bodies share one pool, one bound and one shutdown. A deployment
 * without a runtime (CDI off) gets greenlets of its own, with the configured bound. Thread-safe.
 */
final class RuntimeGreenlets implements Executor {

    /**
     * The class of the tasks Undertow queues on an asynchronous request (its completion after
     * {@code AsyncContext.complete()}, a dispatch, an asynchronous I/O callback), run one at a time
     * on the deployment's async executor. Nobody waits for them, so one submitted by a greenlet
     * runs on that greenlet once its task returns, rather than on a greenlet woken for it: one
     * thread hand-off less per COROUTINE request. {@code AsyncContext.start(Runnable)}, whose
     * caller may wait for it, is another class and still gets a greenlet of its own.
     */
    private static final String UNDERTOW_ASYNC_TASK = "io.undertow.servlet.spec.AsyncContextImpl$TaskDispatchRunnable";

    /** The exchange an I/O thread is about to dispatch; see {@link #dispatching}. */
    private static final ThreadLocal<HttpServerExchange> DISPATCHING = new ThreadLocal<>();

    private final ServletContext servletContext;
    private final int fallbackBound;
    private volatile Greenlets greenlets;

    RuntimeGreenlets(ServletContext servletContext, int fallbackBound) {
        this.servletContext = servletContext;
        this.fallbackBound = fallbackBound;
    }

    private Greenlets greenlets() {
        Greenlets found = greenlets;
        if (found == null) {
            synchronized (this) {
                found = greenlets;
                if (found == null) {
                    found = runtimeGreenlets().orElseGet(() -> new Greenlets(fallbackBound));
                    greenlets = found;
                }
            }
        }
        return found;
    }

    /**
     * The runtime's greenlets, looked up with the deployment's class loader: the first request
     * arrives on an I/O thread, whose class loader finds no container inside WildFly.
     */
    private java.util.Optional<Greenlets> runtimeGreenlets() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(servletContext.getClassLoader());
        try {
            return RuntimeLookup.of(servletContext).map(AioRuntime::greenlets);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void execute(Runnable task) {
        if (task.getClass().getName().equals(UNDERTOW_ASYNC_TASK) && Greenlets.runAfterCurrentTask(task)) {
            return;
        }
        HttpServerExchange exchange = DISPATCHING.get();
        if (exchange != null) {
            DISPATCHING.remove();
        }
        try {
            greenlets().execute(task);
        } catch (RejectedExecutionException refused) {
            if (exchange != null) {
                // Undertow answers 503 on this thread right away, with what is set here
                DeploymentDrain.refuseWhenUndertowAnswers(exchange, "busy: try again shortly");
            }
            throw refused;
        }
    }

    /**
     * On the I/O thread, before the request is handled: names the exchange Undertow dispatches to
     * this executor next on this thread, once the handlers return (another connection may take the
     * last greenlet between the saturation check and that dispatch). The next {@link #execute} on
     * this thread takes the mark; a request that is not dispatched leaves it until the next one.
     *
     * @param exchange the request about to be handled
     */
    static void dispatching(HttpServerExchange exchange) {
        DISPATCHING.set(exchange);
    }

    /** Whether a new request must be refused a greenlet now; a refusal is counted. */
    boolean refusesNow() {
        return greenlets().refusesNow();
    }

    /** Stops greenlets this deployment created for itself; the runtime stops its own. */
    void stopOwn(java.time.Duration grace, AioRuntime runtimeOrNull) {
        Greenlets found = greenlets;
        if (found != null && (runtimeOrNull == null || runtimeOrNull.greenlets() != found)) {
            found.shutdown(grace);
        }
    }
}
