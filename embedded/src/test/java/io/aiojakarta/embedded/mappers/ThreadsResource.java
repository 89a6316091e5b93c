package io.aiojakarta.embedded.mappers;

import io.aiojakarta.AsyncView;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Class-level EXECUTOR, overridden per method. */
@Path("threads")
@AsyncView(Mapper.EXECUTOR)
public class ThreadsResource {

    @Inject
    GreenletBridge bridge;

    static String where() {
        Thread thread = Thread.currentThread();
        return thread.getName() + (thread.isVirtual() ? " virtual" : " platform");
    }

    @GET
    @Path("executor")
    public String executor() {
        return where();
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return CompletableFuture.completedFuture(where());
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        return where() + " inGreenlet=" + bridge.inGreenlet();
    }
}
