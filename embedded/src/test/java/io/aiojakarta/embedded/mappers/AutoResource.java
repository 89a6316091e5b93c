package io.aiojakarta.embedded.mappers;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.embedded.support.ThreadsResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The default mapper chooses by return type. */
@Path("auto")
@AsyncView
public class AutoResource {

    @Inject
    EventLoop loop;

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
        return CompletableFuture.completedFuture(ThreadsResource.where());
    }

    /**
     * A large answer, completed on the loop after the request's own greenlet has returned, so that
     * Undertow finishes the exchange from the greenlet that writes the answer.
     *
     * @param kib how many KiB
     * @return that many 'x'
     */
    @GET
    @Path("large")
    public CompletionStage<String> large(@QueryParam("kib") int kib) {
        return loop.sleep(Duration.ofMillis(50)).thenApply(ignored -> "x".repeat(kib * 1024));
    }

    @GET
    @Path("blocking")
    public String blocking() {
        return ThreadsResource.where();
    }

    @GET
    @Path("suspended")
    public void suspended(@Suspended AsyncResponse response) {
        response.resume(ThreadsResource.where());
    }
}
