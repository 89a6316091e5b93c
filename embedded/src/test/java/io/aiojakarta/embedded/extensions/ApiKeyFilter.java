package io.aiojakarta.embedded.extensions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;

/** A legacy synchronous filter: rejects requests without the key before any body runs. */
@Provider
@ApplicationScoped
public class ApiKeyFilter implements ContainerRequestFilter {

    static final AtomicInteger REJECTED = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"secret".equals(request.getHeaderString("X-Api-Key"))) {
            REJECTED.incrementAndGet();
            request.abortWith(Response.status(401).entity("no key").build());
        }
    }
}
