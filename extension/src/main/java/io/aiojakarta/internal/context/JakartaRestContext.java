package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import io.aiojakarta.internal.jersey.JerseyRequestScopes;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Carries what a request's Jakarta REST {@code @Context} objects ({@code UriInfo},
 * {@code HttpHeaders}, {@code SecurityContext}, {@code Request}) answer to hop threads, with the
 * implementation's own public API, since Jakarta REST 4 has no standard one: RESTEasy's context data
 * (called directly where applications see RESTEasy, as on WildFly and embedded; through method
 * handles where the server hides it, as on Open Liberty) or Jersey's request scope (GlassFish). The
 * one place that decides which. Thread-safe.
 */
final class JakartaRestContext {

    private static final boolean RESTEASY_VISIBLE = ClassPresence.visible("org.jboss.resteasy.core.ResteasyContext");
    private static final boolean JERSEY_VISIBLE = ClassPresence.visible(
            "org.glassfish.jersey.process.internal.RequestScope", "org.glassfish.jersey.InjectionManagerProvider");

    private final Optional<HiddenResteasyContext> hiddenResteasy;

    private JakartaRestContext(Optional<HiddenResteasyContext> hiddenResteasy) {
        this.hiddenResteasy = hiddenResteasy;
    }

    /**
     * The carrier of the Jakarta REST implementation the application runs on.
     *
     * @return the carrier; it carries nothing when the implementation is neither RESTEasy nor Jersey
     */
    static JakartaRestContext find() {
        if (RESTEASY_VISIBLE || JERSEY_VISIBLE) {
            return new JakartaRestContext(Optional.empty());
        }
        try {
            // a hidden implementation: RESTEasy's own runtime delegate leads to its class loader
            return new JakartaRestContext(HiddenResteasyContext.of(RuntimeDelegate.getInstance()));
        } catch (RuntimeException | LinkageError noImplementation) {
            return new JakartaRestContext(Optional.empty());
        }
    }

    /**
     * Captures RESTEasy's context data on the calling thread.
     *
     * @return the part, or empty without a RESTEasy request on this thread
     */
    Optional<ContextSnapshot.Part> capturePart() {
        if (RESTEASY_VISIBLE) {
            return ResteasyContextData.capture();
        }
        return hiddenResteasy.flatMap(HiddenResteasyContext::capture);
    }

    /**
     * Captures Jersey's request scope on the calling thread.
     *
     * @return runs a task within it, or empty without a Jersey request on this thread
     */
    Optional<Executor> captureAround() {
        return JERSEY_VISIBLE && !RESTEASY_VISIBLE ? JerseyRequestScopes.capture() : Optional.empty();
    }
}
