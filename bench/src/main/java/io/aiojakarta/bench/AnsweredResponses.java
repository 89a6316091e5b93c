package io.aiojakarta.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the responses the benchmark application has produced, for P1's steady throughput
 * ({@link StatsResource} reports the count with the server's clock). A response filter, so it
 * counts every variant's responses the same way, on whichever thread runs the response's filters.
 * Thread-safe.
 */
@Provider
@ApplicationScoped
public class AnsweredResponses implements ContainerResponseFilter {

    private final LongAdder answered = new LongAdder();

    /** For CDI. */
    public AnsweredResponses() {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        answered.increment();
    }

    /**
     * The responses produced so far.
     *
     * @return how many responses went through the filter since the application started
     */
    public long count() {
        return answered.sum();
    }
}
