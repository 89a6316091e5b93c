package io.aiojakarta.embedded;

import io.aiojakarta.internal.websocket.AnnotatedEndpoints;
import io.aiojakarta.internal.websocket.CdiEndpointConfigurator;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;

/**
 * On the embedded server, which scans nothing: deploys the {@code @ServerEndpoint} classes CDI
 * discovered ({@link EndpointDiscovery}), with instances created by {@link CdiEndpointConfigurator}
 * (so that {@code @AsyncView} applies to their callbacks) unless the annotation names its own
 * configurator. Registered by {@link AioServer} after the CDI container's listener and
 * {@link ContainerBinding}, so that discovery is complete and the container's bean manager
 * published; acts only when the servlet context parameter {@value #DEPLOY_PARAMETER}
 * is {@code true}.
 */
public final class EndpointDeployment implements ServletContextListener {

    /** The servlet context parameter that asks for the deployment of discovered endpoints. */
    public static final String DEPLOY_PARAMETER = "io.aiojakarta.websocket.deploy-discovered-endpoints";

    /** For the servlet container. */
    public EndpointDeployment() {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (!Boolean.parseBoolean(context.getInitParameter(DEPLOY_PARAMETER))) {
            return;
        }
        Object attribute = context.getAttribute(ServerContainer.class.getName());
        if (!(attribute instanceof ServerContainer container)) {
            return;
        }
        if (!(context.getAttribute(BeanManager.class.getName()) instanceof BeanManager beanManager)) {
            throw new IllegalStateException("no BeanManager in the servlet context of " + context.getServletContextName()
                    + " to deploy its WebSocket endpoints with (attribute " + BeanManager.class.getName() + ")");
        }
        CdiEndpointConfigurator cdi = new CdiEndpointConfigurator(beanManager);
        for (Class<?> endpoint : beanManager.getExtension(EndpointDiscovery.class).endpoints()) {
            AnnotatedEndpoints.deploy(container, endpoint, endpoint, named -> named.orElse(cdi));
        }
    }
}
