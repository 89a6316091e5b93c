package io.aiojakarta.embedded.websocket;

import io.aiojakarta.EventLoop;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Replies 300 ms late: a client that left meanwhile makes the send fail. */
@ServerEndpoint("/ws/slow")
@Dependent
public class SlowReplyConnection extends WebSocketConnection {

    public static final AtomicInteger OPEN = new AtomicInteger();
    public static final ConcurrentLinkedQueue<Throwable> ERRORS = new ConcurrentLinkedQueue<>();
    public static final ConcurrentLinkedQueue<String> SENT = new ConcurrentLinkedQueue<>();

    @Inject
    EventLoop loop;

    @Override
    protected CompletionStage<?> onOpen() {
        OPEN.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletionStage<?> onMessage(String text) {
        return loop.sleep(Duration.ofMillis(300))
                .thenCompose(ignored -> send("late reply to " + text))
                .thenRun(() -> SENT.add(text));
    }

    @Override
    protected CompletionStage<?> onClose(CloseReason reason) {
        OPEN.decrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onError(Throwable failure) {
        ERRORS.add(failure);
    }
}
