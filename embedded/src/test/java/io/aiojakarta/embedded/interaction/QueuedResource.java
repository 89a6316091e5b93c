package io.aiojakarta.embedded.interaction;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Work that waits behind other work, and work that outlives its request. */
@Path("queued")
@RequestScoped
public class QueuedResource {

    static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
    /** What a cancelled coroutine's stage handlers saw: "handler thread|body thread|caller". */
    static final Map<String, String> CANCELLATIONS = new ConcurrentHashMap<>();

    @Inject
    Caller caller;

    @Inject
    EventLoop loop;

    /** Holds an executor thread. */
    @GET
    @Path("occupy")
    @AsyncView(Mapper.EXECUTOR)
    public String occupy(@QueryParam("id") String id, @QueryParam("ms") long millis) throws InterruptedException {
        STARTED.add(id);
        Thread.sleep(millis); // a slow blocking call
        return "occupied";
    }

    /** Holds the event loop (a blocking call in a coroutine, by mistake). */
    @GET
    @Path("stall")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> stall(@QueryParam("id") String id, @QueryParam("ms") long millis) throws InterruptedException {
        STARTED.add(id);
        Thread.sleep(millis); // blocks the loop
        return CompletableFuture.completedFuture("stalled");
    }

    @GET
    @Path("executor")
    @AsyncView(value = Mapper.EXECUTOR, timeoutMillis = 300)
    public String executor(@QueryParam("id") String id) {
        STARTED.add(id);
        return "ran";
    }

    @GET
    @Path("coroutine")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 300)
    public CompletionStage<String> coroutine(@QueryParam("id") String id) {
        STARTED.add(id);
        return CompletableFuture.completedFuture("ran");
    }

    @GET
    @Path("pause")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> pause(@QueryParam("id") String id, @QueryParam("ms") long millis) {
        STARTED.add(id);
        return loop.sleep(Duration.ofMillis(millis)).thenApply(ignored -> "paused " + id);
    }

    /** Returns a stage that never completes and cannot be viewed as a CompletableFuture. */
    @GET
    @Path("opaque")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 300)
    public CompletionStage<String> opaque(@QueryParam("id") String id) {
        STARTED.add(id);
        CompletableFuture<String> never = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletionStage<String> opaque = (CompletionStage<String>) Proxy.newProxyInstance(
                CompletionStage.class.getClassLoader(), new Class<?>[] {CompletionStage.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("toCompletableFuture")) {
                        throw new UnsupportedOperationException("a driver's own stage type");
                    }
                    try {
                        return method.invoke(never, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
        return opaque;
    }

    /** What a body past its timeout found of its request's caller when it finally used it. */
    static final Map<String, String> OUTLIVED = new ConcurrentHashMap<>();

    /** Runs on past its timeout, deaf to the interrupt, then uses its request's caller. */
    @GET
    @Path("outlives")
    @AsyncView(value = Mapper.EXECUTOR, timeoutMillis = 100)
    public String outlives(@QueryParam("id") String id) {
        STARTED.add(id);
        long end = System.nanoTime() + 600_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait(); // a call that ignores interrupts
        }
        OUTLIVED.put(id, caller.destroyed() ? "destroyed" : "alive " + caller.id());
        return "too late";
    }

    /** Never resumes its response. */
    @GET
    @Path("suspended")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 300)
    public void suspended(@QueryParam("id") String id, @Suspended AsyncResponse response) {
        STARTED.add(id);
    }

    /** Waits long; records where and with whose context its stage's handlers ran when it was cancelled. */
    @GET
    @Path("cancelled")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 300)
    public CompletionStage<String> cancelled(@QueryParam("id") String id) {
        return waitLong(id);
    }

    /** As {@link #cancelled} without a timeout: cancelled when its client leaves. */
    @GET
    @Path("abandoned")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> abandoned(@QueryParam("id") String id) {
        return waitLong(id);
    }

    private CompletionStage<String> waitLong(String id) {
        STARTED.add(id);
        String bodyThread = Thread.currentThread().getName();
        CompletableFuture<String> reply = loop.sleep(Duration.ofSeconds(10)).thenApply(ignored -> "too late").toCompletableFuture();
        reply.whenComplete((ignored, failure) -> {
            if (failure instanceof CancellationException) {
                CANCELLATIONS.put(id, Thread.currentThread().getName() + "|" + bodyThread + "|" + caller.id());
            }
        });
        return reply;
    }
}
