package io.aiojakarta.embedded.faults;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Bodies that take too long, and record that their work was cancelled. */
@Path("slow")
@RequestScoped
public class SlowResource {

    static final Set<String> CANCELLED = ConcurrentHashMap.newKeySet();
    static final AtomicInteger DRAINING = new AtomicInteger();
    static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @GET
    @Path("coroutine")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 200)
    public CompletionStage<String> coroutine(@QueryParam("id") String id) {
        CompletableFuture<String> reply = loop.sleep(Duration.ofSeconds(5)).thenApply(ignored -> "too late").toCompletableFuture();
        reply.whenComplete((ignored, failure) -> {
            if (failure instanceof CancellationException) {
                CANCELLED.add(id); // the stage this coroutine returned was cancelled
            }
        });
        return reply;
    }

    @GET
    @Path("executor")
    @AsyncView(value = Mapper.EXECUTOR, timeoutMillis = 200)
    public String executor(@QueryParam("id") String id) throws InterruptedException {
        try {
            Thread.sleep(5000); // simulates a blocking call that hangs
            return "too late";
        } catch (InterruptedException e) {
            CANCELLED.add(id);
            throw e;
        }
    }

    @GET
    @Path("greenlet")
    @AsyncView(value = Mapper.GREENLET, timeoutMillis = 200)
    public String greenlet(@QueryParam("id") String id) {
        try {
            return bridge.await(loop.sleep(Duration.ofSeconds(5)).thenApply(ignored -> "too late"));
        } catch (CancellationException e) {
            CANCELLED.add(id);
            throw e;
        }
    }

    @GET
    @Path("busy")
    @AsyncView(Mapper.EXECUTOR)
    public String busy() throws InterruptedException {
        Thread.sleep(300); // simulates blocking I/O
        return "done";
    }

    @GET
    @Path("drain")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> drain() {
        DRAINING.incrementAndGet();
        return loop.sleep(Duration.ofMillis(500)).thenApply(ignored -> "drained");
    }

    @GET
    @Path("pause")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> pause(@QueryParam("ms") long millis, @QueryParam("id") String id) {
        return loop.sleep(Duration.ofMillis(millis)).thenApply(ignored -> "paused " + id);
    }

    @GET
    @Path("stall")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> stall() throws InterruptedException {
        blockingLookup(); // a blocking call inside a coroutine: the loop stalls
        return CompletableFuture.completedFuture("stalled");
    }

    static void blockingLookup() throws InterruptedException {
        Thread.sleep(400); // stands for a JDBC call made on the loop by mistake
    }

    @GET
    @Path("long")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> longWait(@QueryParam("id") String id) {
        STARTED.add(id);
        CompletableFuture<Void> upstream = loop.sleep(Duration.ofSeconds(5)).toCompletableFuture();
        CompletableFuture<String> reply = upstream.thenApply(ignored -> "too late");
        reply.whenComplete((ignored, failure) -> {
            if (failure instanceof CancellationException) {
                CANCELLED.add(id);
                upstream.cancel(true); // stop the work this coroutine started
            }
        });
        return reply;
    }

    @GET
    @Path("long-blocking")
    @AsyncView(Mapper.EXECUTOR)
    public String longBlocking(@QueryParam("id") String id) throws InterruptedException {
        STARTED.add(id);
        try {
            Thread.sleep(5000); // simulates a blocking call that takes long
            return "too late";
        } catch (InterruptedException e) {
            CANCELLED.add(id);
            throw e;
        }
    }

    /** A long poll nobody completes: the body suspends the response and returns. */
    @GET
    @Path("long-suspended")
    @AsyncView(Mapper.COROUTINE)
    public void longSuspended(@QueryParam("id") String id, @Suspended AsyncResponse response) {
        STARTED.add(id);
    }

    /** What the bodies observed, for a client outside this JVM (WildFly): requests started and cancelled with this id prefix, drain requests begun. */
    @GET
    @Path("counts")
    public String counts(@QueryParam("prefix") String prefix) {
        return "started=" + STARTED.stream().filter(id -> id.startsWith(prefix)).count()
                + " cancelled=" + CANCELLED.stream().filter(id -> id.startsWith(prefix)).count()
                + " draining=" + DRAINING.get();
    }

    @GET
    @Path("health")
    public String health() {
        return "ok";
    }
}
