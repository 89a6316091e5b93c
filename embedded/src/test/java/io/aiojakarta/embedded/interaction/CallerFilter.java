package io.aiojakarta.embedded.interaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Sets the caller from the {@code id} query parameter; echoes the caller it sees into {@code X-Caller}. */
@Provider
@ApplicationScoped
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.id(request.getUriInfo().getQueryParameters().getFirst("id"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Caller", String.valueOf(caller.id()));
    }
}
