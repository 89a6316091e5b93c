package io.aiojakarta.embedded.extensions;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import io.aiojakarta.embedded.support.audit.AuditTrail;
import io.aiojakarta.embedded.support.audit.Audited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Mapped resources surrounded by the application's own synchronous extensions. */
@Path("orders")
@RequestScoped
public class OrdersResource {

    static final AtomicInteger BODIES = new AtomicInteger();

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Inject
    AuditTrail trail;

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    @Audited
    public CompletionStage<String> coroutine(@QueryParam("count") @Min(1) int count) {
        BODIES.incrementAndGet();
        return loop.sleep(Duration.ofMillis(10)).thenApply(ignored -> count + " " + trail.joined());
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    @Audited
    public String executor(@QueryParam("count") @Min(1) int count) {
        BODIES.incrementAndGet();
        return count + " " + trail.joined();
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    @Audited
    public String greenlet(@QueryParam("count") @Min(1) int count) {
        BODIES.incrementAndGet();
        return count + " " + trail.joined();
    }

    @GET
    @Path("missing/coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> missingCoroutine(@QueryParam("id") String id) {
        return loop.sleep(Duration.ofMillis(10)).thenCompose(ignored -> CompletableFuture.failedFuture(new OrderNotFoundException(id)));
    }

    @GET
    @Path("missing/coroutine-throws")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> missingCoroutineThrows(@QueryParam("id") String id) throws OrderNotFoundException {
        throw new OrderNotFoundException(id);
    }

    @GET
    @Path("missing/suspended")
    @AsyncView(Mapper.COROUTINE)
    public void missingSuspended(@QueryParam("id") String id, @Suspended AsyncResponse response) throws OrderNotFoundException {
        throw new OrderNotFoundException(id);
    }

    @GET
    @Path("missing/executor")
    @AsyncView(Mapper.EXECUTOR)
    public String missingExecutor(@QueryParam("id") String id) throws OrderNotFoundException {
        throw new OrderNotFoundException(id);
    }

    @GET
    @Path("missing/greenlet")
    @AsyncView(Mapper.GREENLET)
    public String missingGreenlet(@QueryParam("id") String id) {
        // the awaited stage fails with a checked exception: it comes out of await as itself
        return bridge.await(loop.sleep(Duration.ofMillis(10))
                .thenCompose(ignored -> CompletableFuture.<String>failedFuture(new OrderNotFoundException(id))));
    }
}
