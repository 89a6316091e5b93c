package io.aiojakarta.spi;

import jakarta.websocket.Session;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What WebSocket connections use of the extension: an ordered, bounded hook queue per connection,
 * and a close that tells when the close frame is out. An injectable {@code @ApplicationScoped} bean,
 * used by {@code io.aiojakarta.WebSocketConnection} and by mapped WebSocket callbacks. Thread-safe.
 */
public interface WebSocketConnections {

    /**
     * The hook queue of one new connection, bound to one loop.
     *
     * @return the queue
     */
    Queue newConnection();

    /**
     * Closes a connection normally. Call it once every message sent before has been written.
     *
     * @param session the connection
     * @param reportedClosed completes when the container reports the connection closed
     *     ({@code @OnClose}); used where the container cannot tell when the close frame is written
     * @return completes once the close frame has been written (where the container can tell), else
     *     once the container reports the connection closed; fails when closing failed
     */
    CompletionStage<Void> close(Session session, CompletionStage<Void> reportedClosed);

    /**
     * The hooks of one connection: run on the event loop one at a time, in the order offered, each
     * once the stage of the one before it has completed, each with the context of the code that
     * offered it. At most {@code aiojakarta.websocket.max-pending-messages} wait; past it an offer is
     * refused, and the caller closes the connection with 1013 (try again later). Thread-safe: the
     * container may deliver events on any thread.
     */
    interface Queue {

        /**
         * Queues a hook.
         *
         * @param hook runs on the event loop; returns the stage the next hook waits for, or
         *     {@code null} when it is done at once. An exception it throws is logged, and the queue
         *     goes on with the next hook.
         * @return {@code false} when the bound is reached: the hook was not queued
         */
        boolean offer(Supplier<? extends CompletionStage<?>> hook);
    }
}
