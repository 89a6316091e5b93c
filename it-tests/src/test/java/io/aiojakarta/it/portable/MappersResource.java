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

    @GET
    @Path("default")
    @AsyncView
    public String coroutineOrExecutor() {
        return report();
    }
}
