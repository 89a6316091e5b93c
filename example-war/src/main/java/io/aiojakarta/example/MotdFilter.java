package io.aiojakarta.example;

import io.aiojakarta.GreenletBridge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A legacy synchronous filter that needs something only available asynchronously: it awaits the
 * lookup through the bridge, which parks the request's greenlet instead of blocking a thread, and
 * adds the answer as the {@code X-Motd} response header.
 */
@Provider
@ApplicationScoped
public class MotdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROPERTY = MotdFilter.class.getName();

    @Inject
    GreenletBridge bridge;

    @Inject
    MotdService motd;

    /** For CDI. */
    public MotdFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, bridge.await(motd.fetch()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object message = request.getProperty(PROPERTY);
        if (message != null) {
            response.getHeaders().putSingle("X-Motd", message);
        }
    }
}
