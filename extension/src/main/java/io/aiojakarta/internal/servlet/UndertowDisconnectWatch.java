package io.aiojakarta.internal.servlet;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The Undertow side of {@link DisconnectWatch}: while a request is being processed Undertow does
 * not read from its connection, so a client's close would only be noticed at the next write. This
 * reads the connection on its I/O thread: end of stream means the client left; bytes of a
 * pipelined next request are handed back to Undertow untouched and the watch ends.
 */
final class UndertowDisconnectWatch {

    private static final long WATCH_AFTER_MILLIS = 100;

    private UndertowDisconnectWatch() {
    }

    /** Gives the connection back to Undertow's own read listener, reading on when it waits for a request. */
    private static void handBack(ConduitStreamSourceChannel channel,
            ChannelListener<? super ConduitStreamSourceChannel> undertows, boolean exchangeComplete) {
        channel.setReadListener(undertows);
        if (exchangeComplete) {
            channel.resumeReads();
        } else {
            channel.suspendReads(); // Undertow resumes reading once the response is complete
        }
    }

    static boolean watch(Runnable onDisconnect) {
        ServletRequestContext context = ServletRequestContext.current();
        if (context == null) {
            return false;
        }
        HttpServerExchange exchange = context.getExchange();
        if (!(exchange.getConnection() instanceof HttpServerConnection connection) || !exchange.isRequestComplete()) {
            return false; // HTTP/2, AJP, or a body still being read: the connection's bytes are not ours to read
        }
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        AtomicBoolean fired = new AtomicBoolean();
        // Most requests end well before this: only a request still running is watched, which keeps
        // the cost off short requests and away from the connection's next request.
        connection.getIoThread().executeAfter(() -> {
            if (exchange.isComplete() || !connection.isOpen()) {
                return;
            }
            ChannelListener<? super ConduitStreamSourceChannel> undertows = source.getReadListener();
            source.setReadListener(channel -> {
                if (exchange.isComplete()) {
                    handBack(channel, undertows, true);
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
                        handBack(channel, undertows, exchange.isComplete());
                    } else if (read < 0) {
                        channel.suspendReads();
                        if (fired.compareAndSet(false, true)) {
                            onDisconnect.run();
                        }
                    }
                } catch (IOException broken) {
                    channel.suspendReads();
                    if (fired.compareAndSet(false, true)) {
                        onDisconnect.run();
                    }
                } finally {
                    if (!handedBack) {
                        pooled.close();
                    }
                }
            });
            if (exchange.isComplete()) {
                handBack(source, undertows, true); // completed meanwhile: Undertow reads on
            } else {
                source.resumeReads();
            }
        }, WATCH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        return true;
    }
}
