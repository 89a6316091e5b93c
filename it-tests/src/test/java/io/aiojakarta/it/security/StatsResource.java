package io.aiojakarta.it.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Counters the tests read over HTTP (the deployment runs in the server's JVM). */
@Path("stats")
@ApplicationScoped
public class StatsResource {

    @GET
    public String stats() {
        return "destroyed=" + RequestId.DESTROYED.get() + " bodies=" + SecureResource.BODIES.get();
    }
}
