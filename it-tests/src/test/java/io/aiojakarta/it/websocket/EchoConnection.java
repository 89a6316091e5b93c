package io.aiojakarta.it.websocket;

import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/** Echoes text with the loop thread's name, and binary as it came. */
@ServerEndpoint("/ws/echo")
@Dependent
public class EchoConnection extends WebSocketConnection {

    @Override
    protected CompletionStage<?> onMessage(String text) {
        return send(text + "@" + Thread.currentThread().getName());
    }

    @Override
    protected CompletionStage<?> onMessage(ByteBuffer data) {
        return send(data);
    }
}
