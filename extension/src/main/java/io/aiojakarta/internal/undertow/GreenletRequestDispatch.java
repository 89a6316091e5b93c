package io.aiojakarta.internal.undertow;

import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.config.ConfigSource;
import io.aiojakarta.internal.servlet.RequestDrain;
import io.aiojakarta.internal.servlet.RequestScopeRelease;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;

/**
 * Runs every HTTP request of a deployment on a greenlet, on Undertow (embedded and inside WildFly):
 * the counterpart of the uWSGI asyncio plugin, which runs each request in a greenlet. Loaded by
 * Undertow from {@code META-INF/services/io.undertow.servlet.ServletExtension} of the jar; switched
 * off with {@code aiojakarta.greenlets.requests=false}.
 *
 * <p>It also registers {@link RequestScopeRelease}, which lets request-scoped instances carried to
 * other threads be destroyed exactly once, and a {@link DeploymentDrain}, which lets in-flight
 * requests finish when the deployment stops (both also when greenlet requests are off). Where it
 * has run, the portable {@code ServletDeployment} installs nothing: a deployment's published
 * {@link RequestDrain} tells it so.
 *
 * <p>The whole servlet and Jakarta REST chain of a request (filters, the resource, response
 * writing) then runs on a virtual thread named {@code aio-greenlet-N}, where blocking parks the
 * greenlet instead of a worker thread. The last step of each exchange, Undertow re-arming the
 * connection for its next request, is handed back to the connection's I/O thread
 * ({@link IoThreadCompletion}). The greenlets are the runtime's own ({@link RuntimeGreenlets}): one
 * pool, one bound ({@code aiojakarta.greenlets.max-concurrent}) and one shutdown for requests and
 * mapped bodies.
 */
public final class GreenletRequestDispatch implements ServletExtension {

    /** For the service loader. */
    public GreenletRequestDispatch() {
    }

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        deployment.addListener(new ListenerInfo(RequestScopeRelease.class));
        // Undertow reads the deployment before CDI starts: only the switch and the fallback bound are
        // read here; the drain time and the greenlets are the runtime's, found on first use
        AiojakartaConfig config = AiojakartaConfig.read(ConfigSource.standard()).config();
        DeploymentDrain drain = new DeploymentDrain(RequestDrain.install(servletContext));
        deployment.addOuterHandlerChainWrapper(drain);
        deployment.addLifecycleInterceptor(drain);
        if (!config.greenletRequests()) {
            return;
        }
        RuntimeGreenlets greenlets = new RuntimeGreenlets(servletContext, config.greenletsMaxConcurrent());
        deployment.setExecutor(greenlets);
        deployment.setAsyncExecutor(greenlets);
        IoThreadCompletion completion = new IoThreadCompletion();
        // refuse on the I/O thread, before the servlet handler dispatches to a greenlet, when no
        // greenlet can be had (the outer handler chain already runs on the dispatched greenlet)
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (greenlets.refusesNow()) {
                DeploymentDrain.refuse(exchange, "busy: try again shortly");
                return;
            }
            exchange.addExchangeCompleteListener(completion);
            // the check above and the dispatch that follows race with other connections: a
            // dispatch the greenlets refuse after all is answered 503 with Retry-After too
            RuntimeGreenlets.dispatching(exchange);
            next.handleRequest(exchange);
        });
        ServletContextListener stopper = new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                greenlets.stopOwn(Duration.ofSeconds(1), RuntimeLookup.of(servletContext).orElse(null));
            }
        };
        deployment.addListener(new ListenerInfo(ServletContextListener.class, new ImmediateInstanceFactory<>(stopper)));
    }
}
