package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The context capture of a CDI container: the server's own context inside an application server,
 * the thread context class loader, the Jakarta REST context data when RESTEasy is present, and the
 * request scope when the container is Weld. On a thread where a snapshot is applied (a hop), returns
 * that snapshot. Thread-safe.
 */
public final class StandardContextCapture implements ContextCapture {

    private final Optional<WeldRequestScope> requestScope;
    private final Optional<ServerContext> serverContext;
    private final boolean resteasy;

    /**
     * Creates the capture.
     *
     * @param requestScope carries the request scope; empty when the container is not Weld
     * @param serverContext the server's context service; empty outside an application server
     */
    public StandardContextCapture(Optional<WeldRequestScope> requestScope, Optional<ServerContext> serverContext) {
        this.requestScope = requestScope;
        this.serverContext = serverContext;
        this.resteasy = ClassPresence.visible("org.jboss.resteasy.core.ResteasyContext");
    }

    @Override
    public ContextSnapshot capture() {
        ContextSnapshot current = ContextSnapshot.current();
        if (current != null) {
            return current; // a hop hands on the context it runs with
        }
        List<ContextSnapshot.Part> parts = new ArrayList<>(2);
        if (resteasy) {
            ResteasyContextData.capture().ifPresent(parts::add);
        }
        requestScope.flatMap(WeldRequestScope::capture).ifPresent(parts::add);
        return new ContextSnapshot(Thread.currentThread().getContextClassLoader(), parts,
                serverContext.flatMap(ServerContext::capture).orElse(null));
    }

    /**
     * The request-scope carrier.
     *
     * @return the carrier, or empty when the container is not Weld
     */
    public Optional<WeldRequestScope> requestScope() {
        return requestScope;
    }
}
