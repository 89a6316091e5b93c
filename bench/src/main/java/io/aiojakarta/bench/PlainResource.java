package io.aiojakarta.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The baselines: plain Jakarta REST without Aiojakarta, a blocking method and a
 * {@code CompletionStage} completed by a plain scheduler.
 */
@Path("plain")
@ApplicationScoped
public class PlainResource {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plain-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** For CDI. */
    public PlainResource() {
    }

    /**
     * Blocks the request thread.
     *
     * @param millis how long
     * @return {@code ok}
     * @throws InterruptedException when interrupted
     */
    @GET
    @Path("blocking")
    public String blocking(@QueryParam("ms") @DefaultValue("0") long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis); // the simulated I/O
        }
        return "ok";
    }

    /**
     * Answers through a stage completed by a plain timer thread.
     *
     * @param millis how long
     * @return {@code ok}, later
     */
    @GET
    @Path("stage")
    public CompletionStage<String> stage(@QueryParam("ms") @DefaultValue("0") long millis) {
        if (millis <= 0) {
            return CompletableFuture.completedFuture("ok");
        }
        CompletableFuture<String> reply = new CompletableFuture<>();
        TIMER.schedule(() -> reply.complete("ok"), millis, TimeUnit.MILLISECONDS);
        return reply;
    }
}
