package io.aiojakarta.internal.context;

import jakarta.enterprise.concurrent.ContextService;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application server's own context propagation: inside a Jakarta EE server, the default
 * {@code ContextService} captures what the server propagates (naming, security identity, class
 * loader) so that hops carry it too. Thread-safe.
 */
public final class ServerContext {

    /** Where Jakarta EE servers bind their default context service. */
    public static final String DEFAULT_CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private final ContextService contextService;

    private ServerContext(ContextService contextService) {
        this.contextService = contextService;
    }

    /**
     * Looks the server's default context service up.
     *
     * @return the server context, or empty outside an application server
     */
    public static Optional<ServerContext> lookup() {
        try {
            Object found = new InitialContext().lookup(DEFAULT_CONTEXT_SERVICE);
            return found instanceof ContextService service ? Optional.of(new ServerContext(service)) : Optional.empty();
        } catch (NamingException | RuntimeException | LinkageError notInServer) {
            return Optional.empty();
        }
    }

    /**
     * Captures the calling thread's server context.
     *
     * @return an executor running tasks inline with the captured context, or empty on a thread
     *     the server knows nothing of (a client library's own thread, for example)
     */
    Optional<Executor> capture() {
        try {
            return Optional.of(contextService.currentContextExecutor());
        } catch (IllegalStateException | UnsupportedOperationException noContext) {
            return Optional.empty();
        }
    }
}
