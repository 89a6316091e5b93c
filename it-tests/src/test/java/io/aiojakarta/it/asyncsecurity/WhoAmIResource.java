package io.aiojakarta.it.asyncsecurity;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** The caller's name, as Jakarta Security sees it, in every mapper; readers only. */
@Path("me")
@RequestScoped
@RolesAllowed("reader")
public class WhoAmIResource {

    @Inject
    SecurityContext security;

    @Inject
    EventLoop loop;

    private String caller() {
        return security.getCallerPrincipal() == null ? "nobody" : security.getCallerPrincipal().getName();
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return loop.sleep(Duration.ofMillis(5)).thenApply(ignored -> caller());
    }

    @GET
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        return caller();
    }

    @GET
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    public String executor() {
        return caller();
    }

    @GET
    @Path("either")
    @AsyncView(Mapper.COROUTINE_OR_EXECUTOR)
    public String either() {
        return caller();
    }
}
