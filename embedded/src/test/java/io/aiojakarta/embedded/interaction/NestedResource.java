package io.aiojakarta.embedded.interaction;

import io.aiojakarta.AsyncView;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Mapped bodies calling other mapped bodies, outer mapper first. */
@Path("nested")
@RequestScoped
public class NestedResource {

    @Inject
    InnerWork inner;

    @Inject
    GreenletBridge bridge;

    @GET
    @Path("executor-executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executorExecutor() {
        return inner.blocking();
    }

    @GET
    @Path("executor-greenlet")
    @AsyncView(Mapper.EXECUTOR)
    public String executorGreenlet() {
        return inner.greenlet();
    }

    @GET
    @Path("executor-coroutine")
    @AsyncView(Mapper.EXECUTOR)
    public String executorCoroutine() throws Exception {
        return inner.coroutine().toCompletableFuture().get(10, TimeUnit.SECONDS); // an executor thread may block
    }

    @GET
    @Path("greenlet-executor")
    @AsyncView(Mapper.GREENLET)
    public String greenletExecutor() {
        return inner.blocking();
    }

    @GET
    @Path("greenlet-greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenletGreenlet() {
        return inner.greenlet();
    }

    @GET
    @Path("coroutine-executor")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutineExecutor() {
        return bridge.runInExecutor(() -> inner.blocking());
    }

    @GET
    @Path("coroutine-greenlet")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutineGreenlet() {
        return bridge.spawnGreenlet(() -> inner.greenlet());
    }

    @GET
    @Path("coroutine-coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutineCoroutine() {
        return inner.coroutine();
    }
}
