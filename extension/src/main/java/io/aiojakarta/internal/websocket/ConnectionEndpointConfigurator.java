package io.aiojakarta.internal.websocket;

import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Creates the {@link ConnectionEndpoint} of one {@link WebSocketConnection} subclass per connection,
 * the connection itself created as a CDI bean (injected, intercepted) where the class is one; the
 * handshake is left to the configurator the subclass's {@code @ServerEndpoint} names, if any.
 * Thread-safe.
 */
final class ConnectionEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final Class<? extends WebSocketConnection> connectionClass;
    private final ServerEndpointConfig.Configurator handshake;
    private final CdiEndpointConfigurator instances;

    /**
     * Creates the configurator of one subclass.
     *
     * @param connectionClass the subclass
     * @param handshake the configurator its {@code @ServerEndpoint} names, or the container's default
     * @param beanManager the application's bean manager, looked up while the application deploys:
     *     the container creates endpoints on its own threads, where no lookup finds it
     */
    ConnectionEndpointConfigurator(Class<? extends WebSocketConnection> connectionClass,
            ServerEndpointConfig.Configurator handshake, BeanManager beanManager) {
        this.connectionClass = connectionClass;
        this.handshake = handshake;
        this.instances = new CdiEndpointConfigurator(beanManager);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ConnectionEndpoint.class) {
            return handshake.getEndpointInstance(endpointClass);
        }
        WebSocketConnection connection = instances.getEndpointInstance(connectionClass);
        return endpointClass.cast(new ConnectionEndpoint(connection));
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return handshake.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return handshake.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return handshake.checkOrigin(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        handshake.modifyHandshake(config, request, response);
    }
}
