package io.aiojakarta.embedded.mappers;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import io.aiojakarta.embedded.support.ThreadsResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Class-level EXECUTOR, overridden per method. */
@Path("class-level")
@AsyncView(Mapper.EXECUTOR)
public class ClassLevelExecutorResource {

    @GET
    @Path("executor")
    public String executor() {
        return ThreadsResource.where();
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return CompletableFuture.completedFuture(ThreadsResource.where());
    }
}
