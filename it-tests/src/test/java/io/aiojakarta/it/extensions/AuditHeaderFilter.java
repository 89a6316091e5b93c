package io.aiojakarta.it.extensions;

import io.aiojakarta.embedded.support.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** A synchronous response filter: reports what the user interceptor recorded during the request. */
@Provider
@ApplicationScoped
public class AuditHeaderFilter implements ContainerResponseFilter {

    @Inject
    AuditTrail trail;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Audited", trail.joined());
    }
}
