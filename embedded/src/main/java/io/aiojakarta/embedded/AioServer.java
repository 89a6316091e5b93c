package io.aiojakarta.embedded;

import io.aiojakarta.internal.servlet.RequestDrain;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.weld.Container;
import org.jboss.weld.environment.servlet.Listener;
import org.xnio.XnioWorker;

/**
 * An embedded Undertow + RESTEasy + Weld server for one Jakarta REST {@link Application}: the
 * counterpart of Aiopyramid's gunicorn worker. Every request runs on a greenlet; resources
 * annotated with {@code @AsyncView} are mapped onto the event loop, the executor or greenlets.
 *
 * <pre>{@code
 * try (AioServer server = AioServer.builder().application(Shop.class).port(0).start()) {
 *     System.out.println(server.uri());
 * }
 * }</pre>
 *
 * <p>Beans are discovered as in a web application: the classes of every class-path entry with a
 * {@code META-INF/beans.xml}, and {@code @AsyncView} classes in any discovery mode. Jakarta WebSocket
 * endpoints ({@code @ServerEndpoint} classes that CDI discovers, for example with {@code @Dependent})
 * are served on the same port. Several servers may run in one JVM, each with a CDI container of
 * its own; {@code CDI.current()} answers for the one started while no other ran. Thread-safe;
 * {@link #close()} may be called from any thread and is idempotent.
 */
public final class AioServer implements AutoCloseable {

    private final Undertow undertow;
    private final DeploymentManager manager;
    private final GracefulShutdownHandler gate;
    private final String host;
    private final int port;
    private final Duration drain;
    private boolean closed;

    private AioServer(Undertow undertow, DeploymentManager manager, GracefulShutdownHandler gate, String host,
            int port, Duration drain) {
        this.undertow = undertow;
        this.manager = manager;
        this.gate = gate;
        this.host = host;
        this.port = port;
        this.drain = drain;
    }

    /**
     * Starts building a server.
     *
     * @return a builder with the defaults {@code 127.0.0.1:8080}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port the server listens on (the one picked when built with port 0).
     *
     * @return the bound port
     */
    public int port() {
        return port;
    }

    /**
     * The host the server listens on.
     *
     * @return the host name or address
     */
    public String host() {
        return host;
    }

    /**
     * The base URI of the application.
     *
     * @return for example {@code http://127.0.0.1:8080/}
     */
    public URI uri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + "/");
    }

    /**
     * Stops the server: refuses new requests (503), lets in-flight ones finish for the drain time,
     * cancels the Aiojakarta work of those still running (their clients are answered 503), then
     * undeploys the application (stopping its CDI container and Aiojakarta's threads) and closes
     * the listener. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.shutdown();
        long start = System.nanoTime();
        // the application's own drain: waits for its requests, then cancels the Aiojakarta work of
        // those still running so that their clients are answered
        RequestDrain.of(manager.getDeployment().getServletContext()).ifPresent(deployment -> deployment.drain(drain));
        boolean interrupted = false;
        try {
            gate.awaitShutdown(Math.max(1, drain.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        try {
            manager.stop();
        } catch (ServletException e) {
            throw new IllegalStateException("stopping the deployment failed", e);
        } finally {
            manager.undeploy();
            undertow.stop();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds and starts an {@link AioServer}. Not thread-safe.
     */
    public static final class Builder {

        /** Held while a server deploys, so that two starting at once do not both take CDI's default container id. */
        private static final Object DEPLOYING = new Object();

        private Class<? extends Application> application;
        private String host = "127.0.0.1";
        private int port = 8080;
        private Duration drain = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * The application to serve; its {@code @ApplicationPath} is the servlet mapping.
         *
         * @param application the Jakarta REST application class
         * @return this builder
         */
        public Builder application(Class<? extends Application> application) {
            this.application = Objects.requireNonNull(application, "application");
            return this;
        }

        /**
         * The host to listen on.
         *
         * @param host a host name or address; {@code 127.0.0.1} by default
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on.
         *
         * @param port from 0 to 65535; 0 picks a free port; 8080 by default
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How long {@link AioServer#close()} lets in-flight requests finish.
         *
         * @param drain the drain time; 30 s by default
         * @return this builder
         */
        public Builder drain(Duration drain) {
            this.drain = Objects.requireNonNull(drain, "drain");
            return this;
        }

        /**
         * Deploys the application (booting CDI and Jakarta REST) and starts listening.
         *
         * @return the running server
         * @throws PortUnavailableException when the port cannot be bound (nothing was deployed)
         * @throws IllegalStateException when the application fails to deploy (its CDI definition
         *     or deployment error is the cause)
         */
        public AioServer start() {
            if (application == null) {
                throw new IllegalStateException("no application: call application(MyApplication.class) first");
            }
            // Bind first: a port in use fails at once, before CDI and Jakarta REST boot.
            SwitchableHandler entry = new SwitchableHandler();
            GracefulShutdownHandler gate = new GracefulShutdownHandler(entry);
            Undertow undertow = Undertow.builder()
                    .addHttpListener(port, host)
                    // Direct buffers shared through one pool: the default per-thread caches are
                    // lost on every request when requests run on virtual threads.
                    .setByteBufferPool(new DefaultByteBufferPool(true, 16 * 1024 - 20, 4096, 0))
                    .setHandler(gate)
                    .build();
            try {
                undertow.start();
            } catch (RuntimeException e) {
                throw new PortUnavailableException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
            }
            int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            DeploymentManager manager;
            synchronized (DEPLOYING) {
                // Weld's default container id is the one CDI.current() answers for; a server started
                // while another holds it gets an id of its own, or the two would share one container
                String contextId = Container.available()
                        ? "aiojakarta:" + application.getName() + ":" + host + ":" + bound : null;
                manager = Servlets.newContainer().addDeployment(deployment(undertow.getWorker(), contextId));
                try {
                    manager.deploy();
                    entry.delegateTo(manager.start());
                } catch (ServletException | RuntimeException e) {
                    IllegalStateException failure =
                            new IllegalStateException("deploying " + application.getName() + " failed: " + rootMessage(e), e);
                    stopAfterFailure(manager, failure);
                    undertow.stop();
                    throw failure;
                }
            }
            return new AioServer(undertow, manager, gate, host, bound, drain);
        }

        /** The deployment, in a CDI container with the given id, or Weld's default one for {@code null}. */
        private DeploymentInfo deployment(XnioWorker worker, String cdiContainerId) {
            ResteasyDeployment rest = new ResteasyDeploymentImpl();
            rest.setApplicationClass(application.getName());

            String prefix = mappingPrefix(application);
            ServletInfo servlet = Servlets.servlet("resteasy", HttpServlet30Dispatcher.class)
                    .setAsyncSupported(true)
                    .setLoadOnStartup(1)
                    .addMapping(prefix + "/*");
            if (!prefix.isEmpty()) {
                servlet.addInitParam("resteasy.servlet.mapping.prefix", prefix);
            }
            DeploymentInfo deployment = Servlets.deployment();
            if (cdiContainerId != null) {
                deployment.addInitParameter(Container.CONTEXT_ID_KEY, cdiContainerId);
            }
            return deployment
                    .setClassLoader(application.getClassLoader())
                    .setContextPath("/")
                    .setDeploymentName(application.getName())
                    .addListener(Servlets.listener(Listener.class))
                    .addListener(new ListenerInfo(ContainerBinding.class, new ImmediateInstanceFactory<>(new ContainerBinding(rest))))
                    .addListener(Servlets.listener(EndpointDeployment.class))
                    .addServletContextAttribute(ResteasyDeployment.class.getName(), rest)
                    .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, new WebSocketDeploymentInfo()
                            .setWorker(worker)
                            .setBuffers(new DefaultByteBufferPool(true, 16 * 1024 - 20, 1024, 0))
                            .setDispatchToWorkerThread(true))
                    // nothing scans for @ServerEndpoint classes here: deploy those CDI discovered
                    .addInitParameter(EndpointDeployment.DEPLOY_PARAMETER, "true")
                    .addServlet(servlet);
        }

        private static String mappingPrefix(Class<? extends Application> application) {
            ApplicationPath path = application.getAnnotation(ApplicationPath.class);
            String value = path == null ? "" : path.value().strip();
            while (value.endsWith("/") || value.endsWith("*")) {
                value = value.substring(0, value.length() - 1);
            }
            if (!value.isEmpty() && !value.startsWith("/")) {
                value = "/" + value;
            }
            return value;
        }

        private static void stopAfterFailure(DeploymentManager manager, Exception failure) {
            try {
                manager.stop();
            } catch (ServletException | RuntimeException stopFailure) {
                failure.addSuppressed(stopFailure);
            } finally {
                manager.undeploy();
            }
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        }
    }
}
