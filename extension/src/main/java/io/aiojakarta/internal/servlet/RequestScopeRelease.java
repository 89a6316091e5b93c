package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.context.WeldRequestScope;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.util.Optional;

/**
 * On the request's own thread, just before the CDI container's request listener ends the request:
 * tells Aiojakarta whether the response is still pending, so that each request-scoped instance of
 * a request that hopped threads is destroyed exactly once (see {@code RequestScopeTracker}). Must be
 * registered after the container's listener, so that it runs before it. Thread-safe.
 */
public final class RequestScopeRelease implements ServletRequestListener {

    private volatile Optional<WeldRequestScope> requestScope;

    /** Creates the listener; the container's CDI runtime is looked up on first use. */
    public RequestScopeRelease() {
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        requestScope(event.getServletContext())
                .ifPresent(scope -> scope.releaseOrigin(event.getServletRequest().isAsyncStarted()));
    }

    private Optional<WeldRequestScope> requestScope(ServletContext servletContext) {
        Optional<WeldRequestScope> found = requestScope;
        if (found == null) {
            found = RuntimeLookup.of(servletContext).flatMap(AioRuntime::requestScope);
            requestScope = found;
        }
        return found;
    }
}
