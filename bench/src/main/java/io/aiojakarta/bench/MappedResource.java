package io.aiojakarta.bench;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The same work through each mapper. */
@Path("aio")
@ApplicationScoped
public class MappedResource {

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    /** For CDI. */
    public MappedResource() {
    }

    /**
     * Sleeps on the loop.
     *
     * @param millis how long
     * @return {@code ok}, later
     */
    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine(@QueryParam("ms") @DefaultValue("0") long millis) {
        return millis <= 0 ? CompletableFuture.completedFuture("ok")
                : loop.sleep(Duration.ofMillis(millis)).thenApply(ignored -> "ok");
    }

    /**
     * Blocks a greenlet.
     *
     * @param millis how long
     * @return {@code ok}
     * @throws InterruptedException when interrupted
     */
    @GET
    @Path("greenlet-sleep")
    @AsyncView(Mapper.GREENLET)
    public String greenletSleep(@QueryParam("ms") @DefaultValue("0") long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis); // the simulated I/O, parking the greenlet
        }
        return "ok";
    }

    /**
     * Awaits a loop sleep on a greenlet.
     *
     * @param millis how long
     * @return {@code ok}
     */
    @GET
    @Path("greenlet-await")
    @AsyncView(Mapper.GREENLET)
    public String greenletAwait(@QueryParam("ms") @DefaultValue("0") long millis) {
        if (millis > 0) {
            bridge.await(loop.sleep(Duration.ofMillis(millis)));
        }
        return "ok";
    }

    /**
     * Blocks an executor thread.
     *
     * @param millis how long
     * @return {@code ok}
     * @throws InterruptedException when interrupted
     */
    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor(@QueryParam("ms") @DefaultValue("0") long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis); // the simulated I/O
        }
        return "ok";
    }
}
