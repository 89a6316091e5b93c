package io.aiojakarta.embedded.websocket;

import io.aiojakarta.EventLoop;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Replies 300 ms late and leaves failures to the default {@code onError}: a client that left meanwhile makes the send fail. */
@ServerEndpoint("/ws/slow-unhandled")
@Dependent
public class UnhandledSlowReplyConnection extends WebSocketConnection {

    @Inject
    EventLoop loop;

    @Override
    protected CompletionStage<?> onMessage(String text) {
        return loop.sleep(Duration.ofMillis(300)).thenCompose(ignored -> send("late reply to " + text));
    }
}
