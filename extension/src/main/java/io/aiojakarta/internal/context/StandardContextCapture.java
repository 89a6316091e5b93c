package io.aiojakarta.internal.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The context capture of a CDI container: the server's own context inside an application server,
 * the thread context class loader, the Jakarta REST context ({@link JakartaRestContext}: RESTEasy or
 * Jersey), the Jakarta Authorization policy context ({@link AuthorizationContext}), the request
 * scope when the container is Weld, and the OpenTelemetry context where OpenTelemetry is present
 * ({@link OpenTelemetryContext}). On a thread where a snapshot is applied (a hop), returns that
 * snapshot (with the OpenTelemetry context the hop's code made current, if it made one). Thread-safe.
 */
public final class StandardContextCapture implements ContextCapture {

    private final Optional<WeldRequestScope> requestScope;
    private final Optional<ServerContext> serverContext;
    private final JakartaRestContext rest;

    /**
     * Creates the capture.
     *
     * @param requestScope carries the request scope; empty when the container is not Weld
     * @param serverContext the server's context service; empty outside an application server
     */
    public StandardContextCapture(Optional<WeldRequestScope> requestScope, Optional<ServerContext> serverContext) {
        this.requestScope = requestScope;
        this.serverContext = serverContext;
        this.rest = JakartaRestContext.find();
    }

    @Override
    public ContextSnapshot capture() {
        ContextSnapshot current = ContextSnapshot.current();
        if (current != null) {
            // a hop hands on the context it runs with, and the span its code made current, if any
            return OpenTelemetryContext.follow(current);
        }
        List<ContextSnapshot.Part> parts = new ArrayList<>(2);
        rest.capturePart().ifPresent(parts::add);
        AuthorizationContext.capture().ifPresent(parts::add);
        requestScope.flatMap(WeldRequestScope::capture).ifPresent(parts::add);
        OpenTelemetryContext.capture().ifPresent(parts::add);
        Optional<Executor> server = serverContext.flatMap(ServerContext::capture);
        Optional<Executor> jersey = rest.captureAround();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (jersey.isEmpty()) {
            return new ContextSnapshot(loader, parts, server.orElse(null));
        }
        return new ContextSnapshot(loader, parts, server.isEmpty() ? List.of(jersey.get()) : List.of(server.get(), jersey.get()));
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
