package io.aiojakarta.internal.undertow;

import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import jakarta.servlet.ServletContext;
import java.util.concurrent.Executor;

/**
 * The greenlets a deployment's requests run on: those of the deployment's Aiojakarta runtime, found
 * when the first request comes (the CDI container starts after Undertow reads the deployment), so
 * that request greenlets and mapped bodies share one pool, one bound and one shutdown. A deployment
 * without a runtime (CDI off) gets greenlets of its own, with the configured bound. Thread-safe.
 */
final class RuntimeGreenlets implements Executor {

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
                    found = RuntimeLookup.of(servletContext).map(AioRuntime::greenlets)
                            .orElseGet(() -> new Greenlets(fallbackBound));
                    greenlets = found;
                }
            }
        }
        return found;
    }

    @Override
    public void execute(Runnable task) {
        greenlets().execute(task);
    }

    /** Tells whether a new request would be refused a greenlet now. */
    boolean saturated() {
        return greenlets().saturated();
    }

    /** Stops greenlets this deployment created for itself; the runtime stops its own. */
    void stopOwn(java.time.Duration grace, AioRuntime runtimeOrNull) {
        Greenlets found = greenlets;
        if (found != null && (runtimeOrNull == null || runtimeOrNull.greenlets() != found)) {
            found.shutdown(grace);
        }
    }
}
