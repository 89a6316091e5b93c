package io.aiojakarta.embedded.mappers;

import io.aiojakarta.embedded.support.ThreadsResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Not mapped: shows where the request itself runs. */
@Path("plain")
@RequestScoped
public class PlainResource {

    @GET
    public String plain() {
        return ThreadsResource.where();
    }
}
