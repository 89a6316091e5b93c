package io.aiojakarta.example;

import io.aiojakarta.IgnoreWebSocketClosed;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.CompletionStage;

/**
 * One chat connection: every message is broadcast to the whole room by a coroutine hook on the
 * event loop. The counterpart of Aiopyramid's {@code aio_websocket} scaffold.
 */
@ServerEndpoint("/chat/socket")
@Dependent
public class ChatConnection extends WebSocketConnection {

    private static final int MAX_MESSAGE = 500;

    @Inject
    ChatRoom room;

    /** For the WebSocket container. */
    public ChatConnection() {
    }

    @Override
    protected CompletionStage<?> onOpen() {
        return room.broadcast("* someone joined (" + room.join(this) + " online)");
    }

    @Override
    @IgnoreWebSocketClosed
    protected CompletionStage<?> onMessage(String text) {
        String message = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
        return room.broadcast(message);
    }

    @Override
    protected CompletionStage<?> onClose(CloseReason reason) {
        return room.broadcast("* someone left (" + room.leave(this) + " online)");
    }
}
