package io.aiojakarta.embedded.observability;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Every mapper, each body marking spans where it runs: in the body, and after a wait (a
 * continuation, or the code after {@code await}). Each request's spans carry its {@code id}.
 */
@Path("traced")
@RequestScoped
@Traced
public class TracedResource {

    private static final Duration WAIT = Duration.ofMillis(20);

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine(@QueryParam("id") String id) {
        Tracing.mark("body", id);
        return loop.sleep(WAIT).thenApply(ignored -> {
            Tracing.mark("after-wait", id);
            return id;
        });
    }

    @GET
    @Path("coroutine-inner")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutineInner(@QueryParam("id") String id) {
        Span inner = Tracing.startInner(id);
        try (Scope ignored = inner.makeCurrent()) {
            return loop.sleep(WAIT).thenApply(slept -> {
                Tracing.mark("after-wait", id);
                return id;
            });
        } finally {
            inner.end();
        }
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenlet(@QueryParam("id") String id) {
        Tracing.mark("body", id);
        bridge.await(loop.sleep(WAIT));
        Tracing.mark("after-wait", id);
        return id;
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor(@QueryParam("id") String id) throws InterruptedException {
        Tracing.mark("body", id);
        Thread.sleep(WAIT);
        Tracing.mark("after-wait", id);
        return id;
    }

    @GET
    @Path("either")
    @AsyncView(Mapper.COROUTINE_OR_EXECUTOR)
    public String either(@QueryParam("id") String id) throws InterruptedException {
        Tracing.mark("body", id); // synchronous: COROUTINE_OR_EXECUTOR runs it on the executor
        Thread.sleep(WAIT);
        Tracing.mark("after-wait", id);
        return id;
    }

    @GET
    @Path("slow")
    @AsyncView(value = Mapper.COROUTINE, timeoutMillis = 50)
    public CompletionStage<String> slow(@QueryParam("id") String id) {
        return loop.sleep(Duration.ofSeconds(5)).thenApply(ignored -> id);
    }
}
