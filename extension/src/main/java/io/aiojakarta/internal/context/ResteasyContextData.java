package io.aiojakarta.internal.context;

import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.core.ResteasyContext;

/**
 * Carries Jakarta REST's per-request context data (what {@code @Context UriInfo}, {@code HttpHeaders},
 * {@code SecurityContext} resolve to) to hop threads, as RESTEasy itself does for asynchronous
 * responses: the same map is pushed as a new level on the hop thread and popped after the task.
 * Stateless and thread-safe; only used when RESTEasy is present.
 */
final class ResteasyContextData {

    private ResteasyContextData() {
    }


    /**
     * Captures the calling thread's context data.
     *
     * @return the part, or empty when the thread has no Jakarta REST request
     */
    static Optional<ContextSnapshot.Part> capture() {
        Map<Class<?>, Object> data = ResteasyContext.getContextDataMap(false);
        if (data == null || data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            ResteasyContext.pushContextDataMap(data);
            return ResteasyContext::removeContextDataLevel;
        });
    }
}
