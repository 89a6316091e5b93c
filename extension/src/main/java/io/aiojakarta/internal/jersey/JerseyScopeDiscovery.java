package io.aiojakarta.internal.jersey;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Finds each Jersey application's request scope ({@link JerseyRequestScopes}) when Jersey
 * configures the application's features: Jersey hands features a context that leads to the
 * application's injection manager. Registered by {@link JerseyProviders}. Stateless.
 */
public final class JerseyScopeDiscovery implements Feature {

    /** For Jersey. */
    public JerseyScopeDiscovery() {
    }

    @Override
    public boolean configure(FeatureContext context) {
        JerseyRequestScopes.discover(context);
        return true;
    }
}
