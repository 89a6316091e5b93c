package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.config.ConfigSource;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Installs Aiojakarta's request handling in a web application through the Servlet API alone, on
 * servers where Undertow's hooks are not there (GlassFish, Open Liberty): {@link RequestScopeRelease},
 * which lets request-scoped instances carried to other threads be destroyed exactly once, and
 * {@link GreenletRequestFilter} in front of every other filter, which counts requests for the drain,
 * refuses them with 503 when the deployment drains or the greenlets are exhausted, and runs them on
 * greenlets. Where Undertow's integration has run first (it publishes the deployment's
 * {@link RequestDrain}), installs nothing. Registered in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}. Thread-safe.
 */
public final class ServletDeployment implements ServletContainerInitializer {

    /** The name Aiojakarta's filter is registered under. */
    public static final String FILTER_NAME = "aiojakarta-requests";

    /** For the servlet container. */
    public ServletDeployment() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        if (RequestDrain.of(servletContext).isPresent()) {
            return; // Undertow: GreenletRequestDispatch did it, with the server's own hooks
        }
        // the servlet container reads the deployment before CDI starts: only the switch is read
        // here; the greenlets and the drain time are the runtime's, found on the first request
        boolean greenletRequests = AiojakartaConfig.read(ConfigSource.standard()).config().greenletRequests();
        servletContext.addListener(new RequestScopeRelease());
        FilterRegistration.Dynamic filter = servletContext.addFilter(FILTER_NAME,
                new GreenletRequestFilter(servletContext, RequestDrain.install(servletContext), greenletRequests));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
