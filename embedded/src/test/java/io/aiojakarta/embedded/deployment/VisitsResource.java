package io.aiojakarta.embedded.deployment;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@Path("visits")
@ApplicationScoped
public class VisitsResource {

    @Inject
    Visits visits;

    @GET
    public String visit() {
        return visits.visit();
    }

    @GET
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return CompletableFuture.completedFuture(visits.visit());
    }
}
