package io.aiojakarta.embedded.isolation;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Each body waits 100 ms, then reports what it sees of its own request. */
@Path("iso")
@RequestScoped
public class IsolationResource {

    @Inject
    RequestTag tag;

    @Inject
    HopScratch scratch;

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    private String report(String id) {
        scratch.note("scratch-" + id);
        return id + "|" + tag.id() + "|" + uriInfo.getQueryParameters().getFirst("id") + "|"
                + headers.getHeaderString("X-Id") + "|" + Thread.currentThread().getName().replaceAll("-\\d+$", "")
                + "|" + Thread.currentThread().getContextClassLoader().equals(IsolationResource.class.getClassLoader())
                + "|" + security.isSecure() + "|" + security.getUserPrincipal().getName();
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine(@QueryParam("id") String id) {
        return loop.sleep(Duration.ofMillis(100)).thenApply(ignored -> report(id));
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenlet(@QueryParam("id") String id) {
        bridge.await(loop.sleep(Duration.ofMillis(100)));
        return report(id);
    }

    @GET
    @Path("default")
    @AsyncView
    public String coroutineOrExecutor(@QueryParam("id") String id) throws InterruptedException {
        Thread.sleep(100); // simulates blocking I/O: the default mapper sends it to the executor
        return report(id);
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor(@QueryParam("id") String id) throws InterruptedException {
        Thread.sleep(100); // simulates blocking I/O
        return report(id);
    }
}
