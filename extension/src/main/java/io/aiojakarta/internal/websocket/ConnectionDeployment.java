package io.aiojakarta.internal.websocket;

import io.aiojakarta.WebSocketConnection;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Deploys a web application's {@link WebSocketConnection} subclasses as programmatic endpoints
 * ({@link ConnectionEndpoint}), at the path and with the encoders, decoders, subprotocols and
 * configurator their {@code @ServerEndpoint} names, on every server: the servlet container hands
 * this initializer the subclasses ({@code @HandlesTypes}); they are added to the WebSocket
 * container once the application context starts. {@link AnnotatedConnectionsFilter} keeps the
 * container from also deploying them as annotated endpoints. Registered in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}. Thread-safe.
 */
@HandlesTypes(WebSocketConnection.class)
public final class ConnectionDeployment implements ServletContainerInitializer {

    /** For the servlet container. */
    public ConnectionDeployment() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        List<Class<? extends WebSocketConnection>> connections = new ArrayList<>();
        for (Class<?> type : classes == null ? Set.<Class<?>>of() : classes) {
            if (WebSocketConnection.class.isAssignableFrom(type) && type.isAnnotationPresent(ServerEndpoint.class)
                    && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
                connections.add(type.asSubclass(WebSocketConnection.class));
            }
        }
        if (!connections.isEmpty()) {
            servletContext.addListener(new Deployer(List.copyOf(connections)));
        }
    }

    /** Adds the endpoints once the WebSocket container is there. */
    private record Deployer(List<Class<? extends WebSocketConnection>> connections) implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            if (!(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
                throw new IllegalStateException("AIOJ-0609 WebSocket connections " + connections + " cannot be "
                        + "deployed: the server offers no Jakarta WebSocket container to this application");
            }
            BeanManager beanManager = RuntimeLookup.beanManager(context).orElseThrow(() -> new IllegalStateException(
                    "AIOJ-0608 WebSocket connections " + connections + " cannot be deployed: the application has no "
                            + "CDI container (WebSocketConnection's event loop comes from CDI)"));
            for (Class<? extends WebSocketConnection> connection : connections) {
                deploy(container, connection, beanManager);
            }
        }

        private static void deploy(ServerContainer container, Class<? extends WebSocketConnection> connection,
                BeanManager beanManager) {
            ServerEndpoint annotation = connection.getAnnotation(ServerEndpoint.class);
            try {
                ServerEndpointConfig.Configurator handshake = annotation.configurator() == ServerEndpointConfig.Configurator.class
                        ? new ServerEndpointConfig.Configurator()
                        : annotation.configurator().getDeclaredConstructor().newInstance();
                container.addEndpoint(ServerEndpointConfig.Builder.create(ConnectionEndpoint.class, annotation.value())
                        .decoders(Arrays.asList(annotation.decoders()))
                        .encoders(Arrays.asList(annotation.encoders()))
                        .subprotocols(Arrays.asList(annotation.subprotocols()))
                        .configurator(new ConnectionEndpointConfigurator(connection, handshake, beanManager))
                        .build());
            } catch (DeploymentException | ReflectiveOperationException failure) {
                throw new IllegalStateException("AIOJ-0605 cannot deploy WebSocket endpoint " + connection.getName()
                        + " at '" + annotation.value() + "': " + failure.getMessage(), failure);
            }
        }
    }
}
