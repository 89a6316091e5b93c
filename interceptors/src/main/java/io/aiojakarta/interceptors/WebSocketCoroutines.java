package io.aiojakarta.interceptors;

import io.aiojakarta.EventLoop;
import io.aiojakarta.internal.Messages;
import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.cdi.MappedMethods;
import jakarta.interceptor.InvocationContext;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs coroutine WebSocket callbacks ({@code @OnOpen}, {@code @OnMessage}, {@code @OnClose}) on the
 * event loop, one after the other per connection, in the order the container delivered them. The
 * container gets {@code null} back at once (so it sends nothing itself); the value of the
 * callback's stage is sent through the callback's {@code Session} when the stage completes.
 * Thread-safe.
 */
final class WebSocketCoroutines {

    private static final Logger LOG = System.getLogger(WebSocketCoroutines.class.getName());
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final EventLoop loop;
    private final Map<Object, CompletableFuture<Void>> connections = Collections.synchronizedMap(new WeakHashMap<>());

    WebSocketCoroutines(EventLoop loop) {
        this.loop = loop;
    }

    Object dispatch(InvocationContext invocation) {
        int sessionIndex = MappedMethods.sessionIndex(invocation.getMethod());
        Session session = sessionIndex < 0 ? null : (Session) invocation.getParameters()[sessionIndex];
        Object connection = session != null ? session : invocation.getTarget();
        synchronized (connections) {
            CompletableFuture<Void> previous = connections.getOrDefault(connection, DONE);
            connections.put(connection, previous.thenComposeAsync(ignored -> run(invocation, session), loop));
        }
        return null;
    }

    private CompletionStage<Void> run(InvocationContext invocation, Session session) {
        Object returned;
        try {
            returned = invocation.proceed();
        } catch (Throwable failure) {
            report(invocation, failure);
            return DONE;
        }
        if (!(returned instanceof CompletionStage<?> stage)) {
            return DONE;
        }
        return stage.handle((value, failure) -> {
            if (failure != null) {
                report(invocation, Stages.unwrap(failure));
            } else if (value != null && session != null && session.isOpen()) {
                send(session.getAsyncRemote(), value, invocation);
            }
            return null;
        });
    }

    private static void send(RemoteEndpoint.Async remote, Object value, InvocationContext invocation) {
        jakarta.websocket.SendHandler reportFailure = result -> {
            if (!result.isOK()) {
                report(invocation, result.getException());
            }
        };
        if (value instanceof String text) {
            remote.sendText(text, reportFailure);
        } else if (value instanceof ByteBuffer data) {
            remote.sendBinary(data, reportFailure);
        } else if (value instanceof byte[] bytes) {
            remote.sendBinary(ByteBuffer.wrap(bytes), reportFailure);
        } else {
            remote.sendObject(value, reportFailure);
        }
    }

    private static void report(InvocationContext invocation, Throwable failure) {
        LOG.log(Level.ERROR, "AIOJ-0606 WebSocket callback '" + Messages.describe(invocation.getMethod()) + "' failed", failure);
    }
}
