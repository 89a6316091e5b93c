package io.aiojakarta.embedded;

import io.aiojakarta.internal.websocket.AnnotatedEndpoints;
import io.aiojakarta.internal.websocket.CdiEndpointConfigurator;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;

/**
 * On the embedded server, which scans nothing: deploys the {@code @ServerEndpoint} classes CDI
 * discovered ({@link EndpointDiscovery}), with instances created by {@link CdiEndpointConfigurator}
 * (so that {@code @AsyncView} applies to their callbacks) unless the annotation names its own
 * configurator. Registered by {@link AioServer} after the CDI container's listener, so that
 * discovery is complete; acts only when the servlet context parameter {@value #DEPLOY_PARAMETER}
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
        BeanManager beanManager = context.getAttribute(BeanManager.class.getName()) instanceof BeanManager found
                ? found : CDI.current().getBeanManager();
        CdiEndpointConfigurator cdi = new CdiEndpointConfigurator(beanManager);
        for (Class<?> endpoint : beanManager.getExtension(EndpointDiscovery.class).endpoints()) {
            AnnotatedEndpoints.deploy(container, endpoint, endpoint, named -> named.orElse(cdi));
        }
    }
}
