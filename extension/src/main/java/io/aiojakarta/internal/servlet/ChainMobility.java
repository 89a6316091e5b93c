package io.aiojakarta.internal.servlet;

import jakarta.servlet.FilterChain;
import java.util.Set;

/**
 * Tells whether a request's filter chain may go on on another thread once the server's thread has
 * returned from an asynchronous dispatch. The Servlet specification leaves this open; Catalina's
 * chain (GlassFish, Tomcat) is recycled when the server's thread returns ("Missing wrapper" on the
 * next call), while Open Liberty's and Undertow's go on. Stateless and thread-safe.
 */
final class ChainMobility {

    /** Chains known to be recycled when the server's thread returns. */
    private static final Set<String> BOUND_TO_THEIR_THREAD = Set.of("org.apache.catalina.core.ApplicationFilterChain");

    private ChainMobility() {
    }

    /**
     * Whether the chain may be called on a greenlet after the server's thread returned.
     *
     * @param chain the request's remaining chain
     * @return {@code false} for chains known to be recycled with the server's thread
     */
    static boolean canMove(FilterChain chain) {
        return !BOUND_TO_THEIR_THREAD.contains(chain.getClass().getName());
    }
}
