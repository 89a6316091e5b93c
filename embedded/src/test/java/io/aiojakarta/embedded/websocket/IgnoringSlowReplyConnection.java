package io.aiojakarta.embedded.websocket;

import io.aiojakarta.IgnoreWebSocketClosed;
import io.aiojakarta.EventLoop;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The same late reply, but a peer that left is expected. */
@ServerEndpoint("/ws/slow-ignoring")
@Dependent
public class IgnoringSlowReplyConnection extends WebSocketConnection {

    public static final ConcurrentLinkedQueue<Throwable> ERRORS = new ConcurrentLinkedQueue<>();
    public static final ConcurrentLinkedQueue<String> ATTEMPTED = new ConcurrentLinkedQueue<>();

    @Inject
    EventLoop loop;

    @Override
    @IgnoreWebSocketClosed
    protected CompletionStage<?> onMessage(String text) {
        return loop.sleep(Duration.ofMillis(300)).thenCompose(ignored -> {
            ATTEMPTED.add(text);
            return send("late reply to " + text);
        });
    }

    @Override
    protected void onError(Throwable failure) {
        ERRORS.add(failure);
    }
}
