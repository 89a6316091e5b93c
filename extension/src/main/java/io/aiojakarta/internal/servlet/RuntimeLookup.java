package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.AioRuntime;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import java.util.Optional;

/** Finds the CDI container, and its Aiojakarta runtime, of a web application. Stateless and thread-safe. */
public final class RuntimeLookup {

    private RuntimeLookup() {
    }

    /**
     * The runtime of the container the servlet context belongs to (see {@link #beanManager}).
     *
     * @param servletContext the web application
     * @return the runtime, or empty when there is no container or the extension did not start one
     */
    public static Optional<AioRuntime> of(ServletContext servletContext) {
        return beanManager(servletContext).flatMap(beanManager -> {
            try {
                return beanManager.createInstance().select(AioRuntime.class).stream().findFirst();
            } catch (RuntimeException stopped) {
                return Optional.empty(); // the container is already shut down
            }
        });
    }

    /**
     * The bean manager of the container the servlet context belongs to: the context's
     * {@code BeanManager} attribute where the container sets one, else {@link CDI#current()}.
     *
     * @param servletContext the web application, or {@code null} when unknown
     * @return the bean manager, or empty when there is no container
     */
    public static Optional<BeanManager> beanManager(ServletContext servletContext) {
        Object attribute = servletContext == null ? null : servletContext.getAttribute(BeanManager.class.getName());
        if (attribute instanceof BeanManager manager) {
            return Optional.of(manager);
        }
        try {
            return Optional.of(CDI.current().getBeanManager());
        } catch (IllegalStateException noContainer) {
            return Optional.empty();
        }
    }
}
