package io.aiojakarta.interceptors.threads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource without any Aiojakarta annotation. */
@Path("legacy")
@ApplicationScoped
public class LegacyResource {

    @GET
    public String get() {
        return Thread.currentThread().getName();
    }
}
