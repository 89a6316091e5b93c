package io.aiojakarta.embedded.websocket;

import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/** On "bye": sends a large message and a small one, then closes; records whether the sends were written when the close stage completed. */
@ServerEndpoint("/ws/farewell")
@Dependent
public class FarewellConnection extends WebSocketConnection {

    static final Queue<String> CLOSE_COMPLETED = new ConcurrentLinkedQueue<>();

    @Override
    protected CompletionStage<?> onMessage(String text) {
        String id = text.substring("bye ".length());
        CompletableFuture<Void> large = send("x".repeat(2_000_000)).toCompletableFuture();
        CompletableFuture<Void> small = send("last words " + id).toCompletableFuture();
        return close().thenRun(() -> CLOSE_COMPLETED.add(id + (large.isDone() && small.isDone()
                ? " after the sends" : " before the sends were written")));
    }
}
