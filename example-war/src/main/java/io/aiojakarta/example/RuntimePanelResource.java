package io.aiojakarta.example;

import io.aiojakarta.RuntimeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The runtime panel's figures ({@code GET /runtime}): loop lag, greenlets alive, coroutines in
 * flight, the executor's queue, timeouts and refusals, read from the runtime itself. Plain
 * resource, no mapper: reading the figures never blocks.
 */
@Path("runtime")
@ApplicationScoped
public class RuntimePanelResource {

    @Inject
    RuntimeStatus status;

    /** For CDI. */
    public RuntimePanelResource() {
    }

    /**
     * The figures now.
     *
     * @return every figure of the runtime, and the sum of its refusals
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Figures figures() {
        RuntimeStatus.Snapshot now = status.snapshot();
        return new Figures(now, now.rejections());
    }

    /**
     * What the panel shows.
     *
     * @param runtime the runtime's figures
     * @param rejections all refusals since start
     */
    public record Figures(RuntimeStatus.Snapshot runtime, long rejections) {
    }
}
