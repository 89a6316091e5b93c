package io.aiojakarta.internal.websocket;

import io.aiojakarta.WebSocketConnection;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the WebSocket container from deploying {@link WebSocketConnection} subclasses as annotated
 * endpoints ({@link ConnectionDeployment} deploys them as programmatic ones); every other annotated
 * endpoint the container found is deployed as it would be without this class. Contributes no
 * programmatic endpoint itself. Found by the container as any {@link ServerApplicationConfig} of
 * the application. Stateless.
 */
public final class AnnotatedConnectionsFilter implements ServerApplicationConfig {

    /** For the WebSocket container. */
    public AnnotatedConnectionsFilter() {
    }

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        Set<Class<?>> kept = new LinkedHashSet<>();
        for (Class<?> type : scanned) {
            if (!WebSocketConnection.class.isAssignableFrom(type)) {
                kept.add(type);
            }
        }
        return kept;
    }
}
