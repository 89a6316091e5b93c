package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Each mapper's body reports its thread, and with {@code ?read=scope} the request's visitor (a
 * {@code @RequestScoped} bean), with {@code ?read=context} a query parameter read through
 * {@code @Context UriInfo}, both on the body's thread.
 */
@Path("mappers")
@RequestScoped
public class MappersResource {

    @Inject
    Visitor visitor;

    @Inject
    Footprint footprint;

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Context
    UriInfo uriInfo;

    @QueryParam("read")
    String read;

    private String report() {
        Thread thread = Thread.currentThread();
        String where = (thread.isVirtual() ? "virtual " : "platform ") + thread.getName();
        return switch (read == null ? "" : read) {
            case "scope" -> where + "|" + visitor.name();
            case "footprint" -> {
                footprint.leave(visitor.name());
                yield where + "|" + visitor.name();
            }
            case "context" -> where + "|" + uriInfo.getQueryParameters().getFirst("id");
            default -> where;
        };
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return loop.sleep(Duration.ofMillis(20)).thenApply(ignored -> report());
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor() {
        return report();
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        bridge.await(loop.sleep(Duration.ofMillis(20)));
        return report();
    }

    /** Takes 5 s, past its 300 ms timeout; records whether it saw its interruption. */
    @GET
    @Path("too-slow")
    @AsyncView(value = Mapper.EXECUTOR, timeoutMillis = 300)
    public String tooSlow(@QueryParam("id") String id) throws InterruptedException {
        try {
            Thread.sleep(5000);
            return "too late";
        } catch (InterruptedException e) {
            INTERRUPTED.add(id);
            throw e;
        }
    }

    /** What the interrupted bodies were: read by the test over HTTP. */
    static final java.util.Set<String> INTERRUPTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How often the request's visitor and footprint were destroyed, as {@code visitor|footprint}. */
    @GET
    @Path("destroyed")
    public String destroyed(@QueryParam("of") String id) {
        return Destructions.count("visitor", id) + "|" + Destructions.count("footprint", id);
    }

    @GET
    @Path("interrupted")
    public String interrupted(@QueryParam("id") String id) {
        return String.valueOf(INTERRUPTED.contains(id));
    }

    /** Not mapped: runs wherever the server's request runs. */
    @GET
    @Path("plain")
    public String plain() {
        return report();
    }

    @GET
    @Path("default")
    @AsyncView
    public String coroutineOrExecutor() {
        return report();
    }
}
