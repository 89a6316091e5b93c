package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.Stages;
import io.aiojakarta.spi.WebSocketConnections;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import static io.aiojakarta.internal.message.WebSocketLogger.LOG;

/**
 * Runs coroutine WebSocket callbacks ({@code @OnOpen}, {@code @OnMessage}, {@code @OnClose},
 * {@code @OnError}) of plain endpoints on the event loop, one after the other per connection, in the
 * order the container delivered them: a callback starts once the stage of the one before it has
 * completed and that stage's value has been written. The container gets {@code null} back at once
 * (so it sends nothing itself); the value of a callback's stage is sent through its
 * {@code Session} when the stage completes.
 *
 * <p><b>Bound.</b> At most {@code aiojakarta.websocket.max-pending-messages} callbacks of one
 * connection wait at once; a client sending faster than its callbacks finish has its connection
 * closed with 1013 (try again later). Thread-safe.
 */
final class WebSocketCallbacks {

    /** Close code 1013 of RFC 6455's registry: try again later. */
    static final CloseReason.CloseCode TRY_AGAIN_LATER = CloseReason.CloseCodes.getCloseCode(1013);

    private final WebSocketConnections hooks;
    private final int maxPending;
    private final Map<Object, WebSocketConnections.Queue> connections = Collections.synchronizedMap(new WeakHashMap<>());

    WebSocketCallbacks(WebSocketConnections hooks, int maxPending) {
        this.hooks = hooks;
        this.maxPending = maxPending;
    }

    Object dispatch(ViewPlan plan, InvocationContext invocation) {
        Session session = plan.sessionIndex() < 0 ? null : (Session) invocation.getParameters()[plan.sessionIndex()];
        Object key = session != null ? session : invocation.getTarget();
        WebSocketConnections.Queue connection;
        synchronized (connections) {
            connection = connections.computeIfAbsent(key, ignored -> hooks.newConnection());
        }
        if (!connection.offer(() -> run(plan, invocation, session))) {
            overflow(plan, session);
        }
        return null;
    }

    private void overflow(ViewPlan plan, Session session) {
        LOG.tooManyPending("of '" + plan.name() + "'");
        if (session != null && session.isOpen()) {
            try {
                session.close(new CloseReason(TRY_AGAIN_LATER, "too many messages waiting"));
            } catch (IOException | RuntimeException closing) {
                LOG.debug("closing an overflowing WebSocket connection failed", closing);
            }
        }
    }

    /** Runs one callback; returns the stage the next one waits for. */
    private CompletionStage<?> run(ViewPlan plan, InvocationContext invocation, Session session) {
        Object returned;
        try {
            returned = invocation.proceed();
        } catch (Throwable failure) {
            report(plan, failure);
            return null;
        }
        if (!(returned instanceof CompletionStage<?> stage)) {
            return null;
        }
        // the next callback waits for this reply to be written, not only issued: containers allow
        // one asynchronous send at a time, and Open Liberty reorders overlapping ones
        CompletableFuture<Void> replied = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                report(plan, Stages.unwrap(failure));
                replied.complete(null);
            } else if (value != null && session != null && session.isOpen()) {
                send(session.getAsyncRemote(), value, plan, replied);
            } else {
                replied.complete(null);
            }
        });
        return replied;
    }

    private static void send(RemoteEndpoint.Async remote, Object value, ViewPlan plan, CompletableFuture<Void> replied) {
        SendHandler reportFailure = result -> {
            if (!result.isOK()) {
                report(plan, result.getException());
            }
            replied.complete(null);
        };
        try {
            if (value instanceof String text) {
                remote.sendText(text, reportFailure);
            } else if (value instanceof ByteBuffer data) {
                remote.sendBinary(data, reportFailure);
            } else if (value instanceof byte[] bytes) {
                remote.sendBinary(ByteBuffer.wrap(bytes), reportFailure);
            } else {
                remote.sendObject(value, reportFailure);
            }
        } catch (RuntimeException refused) {
            report(plan, refused);
            replied.complete(null); // the connection's next callback must not wait for a send that never started
        }
    }

    private static void report(ViewPlan plan, Throwable failure) {
        LOG.callbackFailed("'" + plan.name() + "'", failure);
    }
}
