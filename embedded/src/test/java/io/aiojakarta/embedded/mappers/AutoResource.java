package io.aiojakarta.embedded.mappers;

import io.aiojakarta.AsyncView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The default mapper chooses by return type. */
@Path("auto")
@AsyncView
public class AutoResource {

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
        return CompletableFuture.completedFuture(ThreadsResource.where());
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
