package io.aiojakarta.internal.websocket;

import io.aiojakarta.WebSocketConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * Serves one {@link WebSocketConnection} as a programmatic endpoint: the container's events go to
 * the connection's callbacks as they would through its annotations. Jakarta WebSocket does not
 * inherit callback annotations, and some containers (Open Liberty) refuse an annotated endpoint
 * whose callbacks are all declared by a superclass. One instance per connection; the container
 * calls it as it calls any endpoint.
 */
public final class ConnectionEndpoint extends Endpoint {

    private final WebSocketConnection connection;

    ConnectionEndpoint(WebSocketConnection connection) {
        this.connection = connection;
    }

    /**
     * The connection this endpoint serves.
     *
     * @return the connection
     */
    WebSocketConnection connection() {
        return connection;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // opened first: a container may deliver messages on other threads as soon as a handler is
        // registered (Open Liberty does), and the connection must have its hook queue by then
        connection.aioOpened(session, config);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) connection::aioText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) connection::aioBinary);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        connection.aioClosed(reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        connection.aioFailed(failure);
    }
}
