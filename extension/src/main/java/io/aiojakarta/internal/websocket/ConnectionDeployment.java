package io.aiojakarta.internal.websocket;

import io.aiojakarta.WebSocketConnection;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.aiojakarta.internal.message.WebSocketLogger;

/**
 * Deploys a web application's {@link WebSocketConnection} subclasses as programmatic endpoints
 * ({@link ConnectionEndpoint}), at the path and with the encoders, decoders, subprotocols and
 * configurator their {@code @ServerEndpoint} names, on every server: the servlet container hands
 * this initializer the subclasses ({@code @HandlesTypes}); they are added to the WebSocket
 * container once the application context starts. {@link AnnotatedConnectionsFilter} keeps the
 * container from also deploying them as annotated endpoints. On Tyrus (GlassFish), which refuses
 * annotated callbacks returning a stage, such callbacks of plain endpoints fail the deployment with
 * AIOJ-0610, naming them and the fix. Registered in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}. Thread-safe.
 */
@HandlesTypes({WebSocketConnection.class, ServerEndpoint.class})
public final class ConnectionDeployment implements ServletContainerInitializer {

    /** For the servlet container. */
    public ConnectionDeployment() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        List<Class<? extends WebSocketConnection>> connections = new ArrayList<>();
        List<String> stageCallbacks = new ArrayList<>();
        for (Class<?> type : classes == null ? Set.<Class<?>>of() : classes) {
            if (!type.isAnnotationPresent(ServerEndpoint.class) || Modifier.isAbstract(type.getModifiers())
                    || type.isInterface()) {
                continue;
            }
            if (WebSocketConnection.class.isAssignableFrom(type)) {
                connections.add(type.asSubclass(WebSocketConnection.class));
            } else {
                stageCallbacks.addAll(stageReturningCallbacks(type));
            }
        }
        if (!connections.isEmpty() || !stageCallbacks.isEmpty()) {
            servletContext.addListener(new Deployer(List.copyOf(connections), List.copyOf(stageCallbacks)));
        }
    }

    /** The annotated callbacks of a plain endpoint that return a stage, as {@code Class.method}. */
    private static List<String> stageReturningCallbacks(Class<?> endpoint) {
        List<String> found = new ArrayList<>();
        for (java.lang.reflect.Method method : endpoint.getMethods()) {
            if (java.util.concurrent.CompletionStage.class.isAssignableFrom(method.getReturnType())
                    && (method.isAnnotationPresent(jakarta.websocket.OnMessage.class)
                            || method.isAnnotationPresent(jakarta.websocket.OnOpen.class)
                            || method.isAnnotationPresent(jakarta.websocket.OnClose.class)
                            || method.isAnnotationPresent(jakarta.websocket.OnError.class))) {
                found.add(endpoint.getName() + "." + method.getName());
            }
        }
        return found;
    }

    /**
     * Adds the endpoints once the WebSocket container is there; before that, refuses callbacks the
     * container cannot take, with a message that names them and the fix (the container's own error
     * comes later and names neither).
     */
    private record Deployer(List<Class<? extends WebSocketConnection>> connections, List<String> stageCallbacks)
            implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            Object found = context.getAttribute(ServerContainer.class.getName());
            if (!stageCallbacks.isEmpty() && found != null && found.getClass().getName().startsWith("org.glassfish.tyrus.")) {
                throw WebSocketLogger.LOG.stageCallbacksRefused(String.valueOf(stageCallbacks));
            }
            if (connections.isEmpty()) {
                return;
            }
            if (!(found instanceof ServerContainer container)) {
                throw WebSocketLogger.LOG.noWebSocketContainer(String.valueOf(connections));
            }
            BeanManager beanManager = RuntimeLookup.beanManager(context).orElseThrow(
                    () -> WebSocketLogger.LOG.noCdiContainer(String.valueOf(connections)));
            for (Class<? extends WebSocketConnection> connection : connections) {
                deploy(container, connection, beanManager);
            }
        }

        private static void deploy(ServerContainer container, Class<? extends WebSocketConnection> connection,
                BeanManager beanManager) {
            AnnotatedEndpoints.deploy(container, connection, ConnectionEndpoint.class, named -> new ConnectionEndpointConfigurator(
                    connection, named.orElseGet(ServerEndpointConfig.Configurator::new), beanManager));
        }
    }
}
