package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Bodies whose answer is ready on another thread shortly after the request's chain has suspended. */
@Path("after-chain")
@RequestScoped
public class AfterChainResource {

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return CompletableFuture.supplyAsync(() -> "soon", CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor() throws InterruptedException {
        Thread.sleep(20);
        return "soon";
    }

    /** What {@link AfterChainFilter} read after the chain of request {@code id}; empty while it has not. */
    @GET
    @Path("seen")
    public String seen(@QueryParam("of") String id) {
        return AfterChainFilter.SEEN.getOrDefault(id, "");
    }
}
