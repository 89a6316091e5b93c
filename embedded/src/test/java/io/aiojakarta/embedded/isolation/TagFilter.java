package io.aiojakarta.embedded.isolation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

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
        String user = request.getHeaderString("X-User");
        SecurityContext original = request.getSecurityContext();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "test";
            }
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String note = scratch.note();
        response.getHeaders().putSingle("X-Scratch", note == null ? "none" : note);
    }
}
