package io.aiojakarta.embedded.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

@Provider
@ApplicationScoped
public class ResponseCounter implements ContainerResponseFilter {

    @Inject
    Visits visits;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        visits.responded();
    }
}
