package io.aiojakarta.embedded;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.jboss.resteasy.cdi.CdiInjectorFactory;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.weld.environment.servlet.WeldServletLifecycle;

/**
 * Binds an embedded deployment to its own CDI container, so that two servers can run in one JVM:
 * publishes the container's {@link BeanManager} under the standard servlet context attribute
 * ({@code jakarta.enterprise.inject.spi.BeanManager}, where Aiojakarta's runtime lookups and
 * {@link EndpointDeployment} find it), and gives Jakarta REST the CDI injection of that container
 * (RESTEasy's own lookup asks {@code CDI.current()} first, which answers with one container for
 * every deployment in the JVM). Registered by {@link AioServer} right after the CDI container's
 * listener and before the Jakarta REST servlet starts; runs once, on the thread that deploys.
 */
final class ContainerBinding implements ServletContextListener {

    private final ResteasyDeployment rest;

    ContainerBinding(ResteasyDeployment rest) {
        this.rest = rest;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (!(context.getAttribute(WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME) instanceof BeanManager beanManager)) {
            throw new IllegalStateException("the CDI container of " + context.getServletContextName()
                    + " published no BeanManager (servlet context attribute " + WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME + ")");
        }
        context.setAttribute(BeanManager.class.getName(), beanManager);
        rest.setInjectorFactory(new CdiInjectorFactory(beanManager));
    }
}
