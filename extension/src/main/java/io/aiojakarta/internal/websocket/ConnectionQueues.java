package io.aiojakarta.internal.websocket;

import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.loop.ManagedEventLoop;
import io.aiojakarta.spi.WebSocketConnections;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import static io.aiojakarta.internal.message.WebSocketLogger.LOG;

/**
 * The {@link WebSocketConnections} of one runtime: each connection's hooks run on one loop (chosen
 * when the connection opens), one at a time, in the order offered, each with the context of the
 * code that offered it, at most {@code maxPending} waiting per connection; a close completes when
 * the close frame is written where the container can tell ({@link CloseFrames}). Thread-safe.
 */
public final class ConnectionQueues implements WebSocketConnections {


    private final ManagedEventLoop loop;
    private final int maxPending;

    /**
     * Creates the hook queues of one runtime.
     *
     * @param loop the event loop
     * @param maxPending {@code aiojakarta.websocket.max-pending-messages}
     */
    public ConnectionQueues(ManagedEventLoop loop, int maxPending) {
        this.loop = loop;
        this.maxPending = maxPending;
    }

    @Override
    public WebSocketConnections.Queue newConnection() {
        return new Connection(loop, loop.assign(), maxPending);
    }

    @Override
    public CompletionStage<Void> close(Session session, CompletionStage<Void> reportedClosed) {
        if (!session.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (CloseFrames.sendNormalClose(session, written)) {
            return written;
        }
        try {
            session.close();
        } catch (IOException | RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return reportedClosed;
    }

    /** The hooks of one connection. */
    private static final class Connection implements WebSocketConnections.Queue {

        private final ManagedEventLoop loop;
        private final Executor home;
        private final int maxPending;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private boolean running;

        Connection(ManagedEventLoop loop, Executor home, int maxPending) {
            this.loop = loop;
            this.home = home;
            this.maxPending = maxPending;
        }

        @Override
        public boolean offer(Supplier<? extends CompletionStage<?>> hook) {
            ContextSnapshot context = loop.capture();
            Runnable step = context.wrap(() -> {
                CompletionStage<?> stage = null;
                try {
                    stage = hook.get();
                } catch (RuntimeException escaped) {
                    LOG.callbackFailed("of a WebSocketConnection", escaped);
                }
                if (stage == null) {
                    nextOnLoop();
                } else {
                    stage.whenComplete((ignored, failure) -> nextOnLoop());
                }
            });
            synchronized (this) {
                if (waiting.size() >= maxPending) {
                    return false;
                }
                waiting.add(step);
                if (running) {
                    return true;
                }
                running = true;
            }
            nextOnLoop();
            return true;
        }

        private void nextOnLoop() {
            try {
                home.execute(this::next);
            } catch (RejectedExecutionException loopStopped) {
                synchronized (this) {
                    waiting.clear();
                    running = false;
                }
            }
        }

        /** On the loop: runs the next waiting hook, or goes idle. */
        private void next() {
            Runnable step;
            synchronized (this) {
                step = waiting.poll();
                if (step == null) {
                    running = false;
                    return;
                }
            }
            step.run();
        }
    }
}
