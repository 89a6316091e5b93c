package io.aiojakarta.it.security;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

@Path("secure")
@RequestScoped
public class SecureResource {

    static final AtomicInteger BODIES = new AtomicInteger();

    @Inject
    RequestId requestId;

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Principal principal;

    private String report(String n) {
        return n + "|" + requestId.value() + "|" + security.getUserPrincipal().getName() + "|"
                + servletRequest.getUserPrincipal().getName() + "|" + principal.getName() + "|"
                + security.isUserInRole("admin") + "|"
                + Thread.currentThread().getName().replaceAll("-\\d+$", "");
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    @RolesAllowed({"admin", "user"})
    public CompletionStage<String> coroutine(@QueryParam("n") String n) {
        BODIES.incrementAndGet();
        return loop.sleep(Duration.ofMillis(50)).thenApply(ignored -> report(n));
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    @RolesAllowed({"admin", "user"})
    public String executor(@QueryParam("n") String n) throws InterruptedException {
        BODIES.incrementAndGet();
        Thread.sleep(50); // simulates blocking I/O
        return report(n);
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    @RolesAllowed({"admin", "user"})
    public String greenlet(@QueryParam("n") String n) {
        BODIES.incrementAndGet();
        bridge.await(loop.sleep(Duration.ofMillis(50)));
        return report(n);
    }

    @GET
    @Path("admin")
    @AsyncView(Mapper.COROUTINE)
    @RolesAllowed("admin")
    public CompletionStage<String> admin(@QueryParam("n") String n) {
        BODIES.incrementAndGet();
        return loop.sleep(Duration.ofMillis(10)).thenApply(ignored -> report(n));
    }
}
