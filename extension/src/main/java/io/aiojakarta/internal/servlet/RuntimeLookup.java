package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.AioRuntime;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import java.util.Optional;

/** Finds the Aiojakarta runtime of a web application's CDI container. Stateless and thread-safe. */
final class RuntimeLookup {

    private RuntimeLookup() {
    }

    /**
     * The runtime of the container the servlet context belongs to: through the context's
     * {@code BeanManager} attribute where the container sets one, else {@link CDI#current()}.
     *
     * @param servletContext the web application
     * @return the runtime, or empty when there is no container or the extension did not start one
     */
    static Optional<AioRuntime> of(ServletContext servletContext) {
        Object attribute = servletContext.getAttribute(BeanManager.class.getName());
        BeanManager beanManager;
        if (attribute instanceof BeanManager manager) {
            beanManager = manager;
        } else {
            try {
                beanManager = CDI.current().getBeanManager();
            } catch (IllegalStateException noContainer) {
                return Optional.empty();
            }
        }
        try {
            return beanManager.createInstance().select(AioRuntime.class).stream().findFirst();
        } catch (RuntimeException stopped) {
            return Optional.empty(); // the container is already shut down
        }
    }
}
