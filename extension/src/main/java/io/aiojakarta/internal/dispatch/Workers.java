package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.RuntimeMetrics;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.ExecutorHolder;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.loop.ManagedEventLoop;
import io.aiojakarta.spi.WebSocketConnections;
import java.util.Objects;
import java.util.Optional;

/**
 * What the dispatcher hands work to and counts it with, all owned by the runtime, which made them
 * before the dispatcher and stops them after it. Immutable; each part is thread-safe.
 *
 * @param loop the event loop of coroutine bodies
 * @param greenlets the greenlets of {@code GREENLET} bodies and of resumptions
 * @param executor the executor of {@code EXECUTOR} bodies
 * @param requestScope the request scope carried to hops, where the container is Weld
 * @param metrics the runtime's counters
 * @param webSocketConnections the ordered hook queues of WebSocket connections
 * @param webSocketMaxPending {@code aiojakarta.websocket.max-pending-messages}
 */
public record Workers(ManagedEventLoop loop, Greenlets greenlets, ExecutorHolder executor,
        Optional<WeldRequestScope> requestScope, RuntimeMetrics metrics, WebSocketConnections webSocketConnections,
        int webSocketMaxPending) {

    /** Checks that every part is there. */
    public Workers {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(greenlets, "greenlets");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(requestScope, "requestScope");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(webSocketConnections, "webSocketConnections");
    }
}
