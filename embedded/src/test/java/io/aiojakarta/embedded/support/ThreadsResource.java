package io.aiojakarta.embedded.support;

import io.aiojakarta.AsyncView;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers the name of the thread each kind of body ran on, and whether it is virtual: unmapped
 * ({@code request}, the request's own thread) and through each mapper. Shared by the embedded and
 * the server tests.
 */
@Path("threads")
@RequestScoped
public class ThreadsResource {

    @Inject
    GreenletBridge bridge;

    /** For CDI. */
    public ThreadsResource() {
    }

    /**
     * The current thread.
     *
     * @return its name, then {@code virtual} or {@code platform}
     */
    public static String where() {
        Thread thread = Thread.currentThread();
        return thread.getName() + (thread.isVirtual() ? " virtual" : " platform");
    }

    @GET
    @Path("request")
    public String request() {
        return where();
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
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
