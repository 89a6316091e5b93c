package io.aiojakarta.embedded.support.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AuditInterceptor} recorded during one request, in order: a request-scoped bean, so
 * that it also shows whether the request's scope reached the thread a mapped body ran on. Shared
 * by the embedded and the server tests.
 */
@RequestScoped
public class AuditTrail {

    private final List<String> entries = new ArrayList<>();

    /** For CDI. */
    public AuditTrail() {
    }

    /**
     * Records one entry.
     *
     * @param entry what happened
     */
    public synchronized void add(String entry) {
        entries.add(entry);
    }

    /**
     * The entries so far.
     *
     * @return them, comma-separated
     */
    public synchronized String joined() {
        return String.join(",", entries);
    }
}
