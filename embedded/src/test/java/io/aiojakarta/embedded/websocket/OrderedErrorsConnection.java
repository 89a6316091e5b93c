package io.aiojakarta.embedded.websocket;

import io.aiojakarta.EventLoop;
import io.aiojakarta.WebSocketConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts only small messages; each hook takes 300 ms; records hooks and errors in the order they ran. */
@ServerEndpoint("/ws/ordered-errors")
@Dependent
public class OrderedErrorsConnection extends WebSocketConnection {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Inject
    EventLoop loop;

    @Override
    protected CompletionStage<?> onOpen() {
        session().setMaxTextMessageBufferSize(64);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletionStage<?> onMessage(String text) {
        EVENTS.add("start " + text);
        return loop.sleep(Duration.ofMillis(300)).thenRun(() -> EVENTS.add("end " + text));
    }

    @Override
    protected void onError(Throwable failure) {
        EVENTS.add("error");
    }
}
