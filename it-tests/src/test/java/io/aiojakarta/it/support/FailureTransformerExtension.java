package io.aiojakarta.it.support;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.as.arquillian.container.ExceptionTransformer;

/** Puts {@link WildFlyFailureTransformer} in place of WildFly's pass-through transformer. */
public final class FailureTransformerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeploymentExceptionTransformer.class, ExceptionTransformer.class, WildFlyFailureTransformer.class);
    }
}
