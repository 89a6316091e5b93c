package io.aiojakarta.it.portable;

import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.CompletionStage;

/**
 * Says "ready" when the connection opens, then echoes text with the loop thread's name: a client
 * that waits for the greeting sends nothing while the server is still setting the connection up.
 */
@ServerEndpoint("/ws/greeting-echo")
@Dependent
public class GreetingEchoConnection extends WebSocketConnection {

    @Override
    protected CompletionStage<?> onOpen() {
        return send("ready");
    }

    @Override
    protected CompletionStage<?> onMessage(String text) {
        return send(text + "@" + Thread.currentThread().getName());
    }
}
