package io.aiojakarta.internal.websocket;

import io.aiojakarta.internal.message.WebSocketLogger;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds {@code @ServerEndpoint} classes to a WebSocket container by hand, as a container that scans
 * would: the annotation's path, decoders, encoders, subprotocols and configurator. For the embedded
 * server's endpoints and for {@code WebSocketConnection}s. Called at deployment; stateless.
 */
public final class AnnotatedEndpoints {

    private AnnotatedEndpoints() {
    }

    /**
     * Adds an annotated endpoint; a failure fails the deployment (AIOJ-0605), naming the endpoint,
     * its path and the container's reason.
     *
     * @param container the application's WebSocket container
     * @param annotated the class carrying {@code @ServerEndpoint}
     * @param endpoint the class the container creates per connection: {@code annotated}, or the
     *     endpoint that stands in for it
     * @param configurator the configurator to register, given the one the annotation names, if it
     *     names one (created by its no-argument constructor)
     */
    public static void deploy(ServerContainer container, Class<?> annotated, Class<?> endpoint,
            Function<Optional<ServerEndpointConfig.Configurator>, ServerEndpointConfig.Configurator> configurator) {
        ServerEndpoint annotation = annotated.getAnnotation(ServerEndpoint.class);
        try {
            Optional<ServerEndpointConfig.Configurator> named = annotation.configurator() == ServerEndpointConfig.Configurator.class
                    ? Optional.empty()
                    : Optional.of(annotation.configurator().getDeclaredConstructor().newInstance());
            container.addEndpoint(ServerEndpointConfig.Builder.create(endpoint, annotation.value())
                    .decoders(Arrays.asList(annotation.decoders()))
                    .encoders(Arrays.asList(annotation.encoders()))
                    .subprotocols(Arrays.asList(annotation.subprotocols()))
                    .configurator(configurator.apply(named))
                    .build());
        } catch (DeploymentException | ReflectiveOperationException failure) {
            throw WebSocketLogger.LOG.cannotDeployEndpoint(annotated.getName(), annotation.value(), failure.getMessage(),
                    failure);
        }
    }
}
