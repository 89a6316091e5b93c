package io.aiojakarta.embedded.websocket;

import io.aiojakarta.EventLoop;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Each message takes 200 ms to handle: a client sending faster fills the connection's queue. */
@ServerEndpoint("/ws/flooded")
@Dependent
public class FloodedConnection extends WebSocketConnection {

    @Inject
    EventLoop loop;

    @Override
    protected CompletionStage<?> onMessage(String text) {
        return loop.sleep(Duration.ofMillis(200)).thenCompose(ignored -> send("handled " + text));
    }
}
