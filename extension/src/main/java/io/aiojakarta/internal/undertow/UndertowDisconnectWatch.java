package io.aiojakarta.internal.undertow;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.XnioIoThread;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The Undertow side of {@link io.aiojakarta.internal.servlet.DisconnectWatch}: while a request is being processed Undertow does
 * not read from its connection, so a client's close would only be noticed at the next write. This
 * reads the connection on its I/O thread: end of stream means the client left; bytes of a
 * pipelined next request are handed back to Undertow untouched and the watch ends.
 *
 * <p>Only requests still running {@value #WATCH_AFTER_MILLIS} ms after they asked are watched.
 * Requests ask from any thread; one sweep per I/O thread, run on that thread, starts the watches
 * that are due, so that a request costs a queue entry rather than a timer of its own (and the
 * I/O thread is woken about ten times a second, not once per request).
 */
public final class UndertowDisconnectWatch {

    private static final long WATCH_AFTER_MILLIS = 100;
    private static final long WATCH_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(WATCH_AFTER_MILLIS);
    private static final Map<XnioIoThread, Sweep> SWEEPS = new ConcurrentHashMap<>();

    private UndertowDisconnectWatch() {
    }

    /**
     * Watches the connection of the request the calling thread serves.
     *
     * @param onDisconnect what to do when the client has gone; must not block
     * @return {@code true} when the connection is being watched
     */
    public static boolean watch(Runnable onDisconnect) {
        ServletRequestContext context = ServletRequestContext.current();
        if (context == null) {
            return false;
        }
        HttpServerExchange exchange = context.getExchange();
        if (!(exchange.getConnection() instanceof HttpServerConnection connection) || !exchange.isRequestComplete()) {
            return false; // HTTP/2, AJP, or a body still being read: the connection's bytes are not ours to read
        }
        XnioIoThread ioThread = connection.getIoThread();
        Sweep sweep = SWEEPS.get(ioThread);
        if (sweep == null) {
            SWEEPS.keySet().removeIf(thread -> !thread.isAlive()); // I/O threads of servers that stopped
            sweep = SWEEPS.computeIfAbsent(ioThread, Sweep::new);
        }
        sweep.add(new Pending(exchange, connection, onDisconnect, System.nanoTime() + WATCH_AFTER_NANOS));
        return true;
    }

    /**
     * A request that asked to be watched, from the time {@code due} (a {@link System#nanoTime()}),
     * and, once started, the connection's read listener until the exchange completes. Its mutable
     * state is touched on the connection's I/O thread only.
     */
    private static final class Pending implements ChannelListener<ConduitStreamSourceChannel> {

        private final HttpServerExchange exchange;
        private final HttpServerConnection connection;
        private final Runnable onDisconnect;
        private final long due;
        /** Undertow's own read listener, given back when the watch ends. */
        private ChannelListener<? super ConduitStreamSourceChannel> undertows;
        private boolean fired;

        Pending(HttpServerExchange exchange, HttpServerConnection connection, Runnable onDisconnect, long due) {
            this.exchange = exchange;
            this.connection = connection;
            this.onDisconnect = onDisconnect;
            this.due = due;
        }

        long due() {
            return due;
        }

        /** On the connection's I/O thread: reads the connection until the exchange completes. */
        void start() {
            if (exchange.isComplete() || !connection.isOpen()) {
                return; // most requests end before they are due
            }
            ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
            undertows = source.getReadListener();
            source.setReadListener(this);
            if (exchange.isComplete()) {
                handBack(source, true); // completed meanwhile: Undertow reads on
            } else {
                source.resumeReads();
            }
        }

        @Override
        public void handleEvent(ConduitStreamSourceChannel channel) {
            if (exchange.isComplete()) {
                handBack(channel, true);
                return;
            }
            PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
            boolean handedBack = false;
            try {
                int read = channel.read(pooled.getBuffer());
                if (read > 0) {
                    pooled.getBuffer().flip();
                    connection.ungetRequestBytes(pooled); // a pipelined request: Undertow reads it
                    handedBack = true;
                    handBack(channel, exchange.isComplete());
                } else if (read < 0) {
                    disconnected(channel);
                }
            } catch (IOException broken) {
                disconnected(channel);
            } finally {
                if (!handedBack) {
                    pooled.close();
                }
            }
        }

        private void disconnected(ConduitStreamSourceChannel channel) {
            channel.suspendReads();
            if (!fired) {
                fired = true;
                onDisconnect.run();
            }
        }

        /** Gives the connection back to Undertow's own read listener, reading on when it waits for a request. */
        private void handBack(ConduitStreamSourceChannel channel, boolean exchangeComplete) {
            channel.setReadListener(undertows);
            if (exchangeComplete) {
                channel.resumeReads();
            } else {
                channel.suspendReads(); // Undertow resumes reading once the response is complete
            }
        }
    }

    /** The watches due on one I/O thread, started there in the order they were asked for. */
    private static final class Sweep implements Runnable {

        private final XnioIoThread thread;
        private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Sweep(XnioIoThread thread) {
            this.thread = thread;
        }

        /** From any thread. */
        void add(Pending request) {
            pending.add(request);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    thread.executeAfter(this, WATCH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    pending.clear(); // the server is stopping: nothing is watched any more
                    scheduled.set(false);
                }
            }
        }

        /** On the I/O thread: starts the watches that are due, then sleeps until the next one is. */
        @Override
        public void run() {
            long now = System.nanoTime();
            Pending next;
            while ((next = pending.peek()) != null && next.due() - now <= 0) {
                pending.poll();
                next.start();
            }
            if (next == null) {
                scheduled.set(false);
                next = pending.peek(); // asked for after the queue was seen empty
                if (next == null || !scheduled.compareAndSet(false, true)) {
                    return;
                }
            }
            thread.executeAfter(this, TimeUnit.NANOSECONDS.toMillis(Math.max(0, next.due() - now)) + 1, TimeUnit.MILLISECONDS);
        }
    }
}
