package io.aiojakarta.internal.jersey;

import io.aiojakarta.internal.rest.RestProviders;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers Aiojakarta's Jakarta REST providers ({@link RestProviders}) with Jersey, which, unlike
 * RESTEasy, ignores {@code META-INF/services/jakarta.ws.rs.ext.Providers}: Jersey loads this class
 * from {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable} for every
 * application, whether the application lists its classes or has them scanned. Nothing else loads
 * it. Also registers {@link JerseyScopeDiscovery}, which lets hops carry Jersey's request scope.
 * Stateless.
 */
public final class JerseyProviders implements AutoDiscoverable {

    /** For Jersey's service loader. */
    public JerseyProviders() {
    }

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(JerseyScopeDiscovery.class)) {
            context.register(JerseyScopeDiscovery.class);
        }
        for (Class<?> provider : RestProviders.ALL) {
            if (!context.getConfiguration().isRegistered(provider)) {
                context.register(provider);
            }
        }
    }
}
