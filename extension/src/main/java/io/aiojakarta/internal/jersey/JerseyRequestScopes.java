package io.aiojakarta.internal.jersey;

import jakarta.ws.rs.core.FeatureContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.glassfish.jersey.InjectionManagerProvider;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.process.internal.RequestContext;
import org.glassfish.jersey.process.internal.RequestScope;

/**
 * Carries Jersey's request scope (what {@code @Context UriInfo}, {@code HttpHeaders},
 * {@code SecurityContext} and {@code Request} resolve to) to hop threads: Jersey's public
 * {@link RequestScope#runInScope(RequestContext, Runnable)} runs the hop inside the request's own
 * Jersey context, as Jersey does for its own asynchronous responses. The request scopes of the web
 * application's Jersey applications are found when Jersey configures their resources. Thread-safe;
 * only loaded where Jersey's classes are visible (GlassFish).
 */
public final class JerseyRequestScopes {

    private static final Set<RequestScope> SCOPES = ConcurrentHashMap.newKeySet();
    private static final Set<InjectionManager> MANAGERS = ConcurrentHashMap.newKeySet();

    private JerseyRequestScopes() {
    }

    /**
     * Remembers the Jersey application a feature context belongs to.
     *
     * @param context a context Jersey passed to a feature
     */
    public static void discover(FeatureContext context) {
        try {
            MANAGERS.add(InjectionManagerProvider.getInjectionManager(context));
        } catch (IllegalArgumentException notJerseys) {
            // a context Jersey did not make: nothing to carry
        }
    }

    /**
     * Captures the Jersey request context active on the calling thread.
     *
     * @return runs a task inline within that context, or empty when no Jersey request is active
     */
    public static Optional<Executor> capture() {
        if (!MANAGERS.isEmpty()) {
            for (InjectionManager manager : MANAGERS) {
                try {
                    SCOPES.add(manager.getInstance(RequestScope.class));
                    MANAGERS.remove(manager);
                } catch (RuntimeException notReadyYet) {
                    // the application has not finished starting; asked again next time
                }
            }
        }
        for (RequestScope scope : SCOPES) {
            RequestContext context;
            try {
                context = scope.current(); // no reference taken: Jersey keeps a pending response's context
            } catch (IllegalStateException notInThisScope) {
                continue;
            }
            return Optional.of(task -> {
                if (scope.isActive()) {
                    scope.runInScope(context, task);
                } else {
                    // the application is stopping and Jersey has shut its scope down before the
                    // drain ended: the hop still runs, so that its response completes
                    task.run();
                }
            });
        }
        return Optional.empty();
    }
}
