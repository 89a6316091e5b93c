package io.aiojakarta.it.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

@Provider
@ApplicationScoped
public class RequestIdFilter implements ContainerRequestFilter {

    @Inject
    RequestId requestId;

    @Override
    public void filter(ContainerRequestContext request) {
        String n = request.getUriInfo().getQueryParameters().getFirst("n");
        if (n != null) { // the counters' own requests leave the request-scoped bean alone
            requestId.value(n);
        }
    }
}
