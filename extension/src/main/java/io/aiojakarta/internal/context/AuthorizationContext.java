package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import jakarta.security.jacc.PolicyContext;
import java.util.Optional;

/**
 * Carries the Jakarta Authorization policy context of a request (its {@link PolicyContext} id, a
 * per-thread value the server sets on the request's thread) to hop threads, so that role checks made
 * there ({@code SecurityContext.isUserInRole}, {@code HttpServletRequest.isUserInRole}) consult the
 * application's policy, as on the request's thread. GlassFish needs it: its {@code ContextService}
 * does not carry it. Stateless and thread-safe; does nothing where Jakarta Authorization is absent.
 */
final class AuthorizationContext {

    private static final boolean AVAILABLE = ClassPresence.visible("jakarta.security.jacc.PolicyContext");

    private AuthorizationContext() {
    }

    /**
     * Captures the calling thread's policy context id.
     *
     * @return the part, or empty when the thread has none
     */
    static Optional<ContextSnapshot.Part> capture() {
        if (!AVAILABLE) {
            return Optional.empty();
        }
        String id = PolicyContext.getContextID();
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            String previous = PolicyContext.getContextID();
            if (id.equals(previous)) {
                return ContextSnapshot.Scope.NONE;
            }
            PolicyContext.setContextID(id);
            return () -> PolicyContext.setContextID(previous);
        });
    }
}
