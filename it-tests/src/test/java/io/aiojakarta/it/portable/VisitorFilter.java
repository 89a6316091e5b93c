package io.aiojakarta.it.portable;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Names the visitor from the {@code id} query parameter. */
@Provider
public class VisitorFilter implements ContainerRequestFilter {

    @Inject
    Visitor visitor;

    @Override
    public void filter(ContainerRequestContext request) {
        visitor.name(request.getUriInfo().getQueryParameters().getFirst("id"));
    }
}
