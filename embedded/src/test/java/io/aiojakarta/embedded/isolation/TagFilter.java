package io.aiojakarta.embedded.isolation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Tags the request before any mapper runs; echoes what the body left behind after it. */
@Provider
@ApplicationScoped
public class TagFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    RequestTag tag;

    @Inject
    HopScratch scratch;

    @Override
    public void filter(ContainerRequestContext request) {
        tag.id(request.getUriInfo().getQueryParameters().getFirst("id"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String note = scratch.note();
        response.getHeaders().putSingle("X-Scratch", note == null ? "none" : note);
    }
}
