package io.aiojakarta;

import io.aiojakarta.spi.WebSocketConnections;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import io.aiojakarta.internal.message.UsageMessages;
import static io.aiojakarta.internal.message.WebSocketLogger.LOG;

/**
 * A WebSocket connection whose hooks are coroutines on the event loop: the counterpart of
 * Aiopyramid's {@code WebsocketConnectionView}. Subclass it, annotate the subclass with
 * {@code @ServerEndpoint("/path")}, and override the hooks you need:
 *
 * <pre>{@code
 * @ServerEndpoint("/echo")
 * public class Echo extends WebSocketConnection {
 *     @Override
 *     protected CompletionStage<?> onMessage(String text) {
 *         return send(text);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Threads and order.</b> Every hook runs on the event loop, one at a time per connection and
 * in the order the events arrived: a message's hook starts only once the stage returned by the
 * previous hook has completed. Transport errors reach {@link #onError(Throwable)} in that same
 * order. Hooks must not block; blocking work goes through {@link GreenletBridge#runInExecutor}.
 *
 * <p><b>Bound.</b> A connection holds at most {@code aiojakarta.websocket.max-pending-messages}
 * events waiting for their hook (default 10,000). A client that sends faster than its hooks finish
 * has its connection closed with 1013 (try again later), and the overflow is logged (AIOJ-0607).
 *
 * <p><b>Sending.</b> {@link #send(String)} and {@link #send(ByteBuffer)} return at once; their stage
 * completes when the message has been written, or fails with {@link WebSocketClosedException} when
 * the connection is closed, and its dependents run on the event loop with the context of the code
 * that registered them. Sends of one connection go out in the order they were made, and
 * {@link #close()} goes out after them. All may be called from any thread.
 *
 * <p><b>Errors.</b> A hook that throws, or whose stage fails, has the failure passed to
 * {@link #onError(Throwable)} on the loop, except a {@link WebSocketClosedException} on a hook (or
 * class) annotated with {@link IgnoreWebSocketClosed}, which is swallowed.
 *
 * <p>One instance per connection, as the Jakarta WebSocket container creates it (with CDI injection
 * where the container provides it; the loop is looked up otherwise).
 */
public abstract class WebSocketConnection {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Inject
    EventLoop injectedLoop;

    @Inject
    WebSocketConnections injectedConnections;

    private final Object lock = new Object();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile EventLoop loop;
    private volatile WebSocketConnections connections;
    private volatile WebSocketConnections.Queue hooks;
    private volatile Session session;
    private CompletableFuture<Void> sends = DONE;

    /** For subclasses. */
    protected WebSocketConnection() {
    }

    // ---- the container's callbacks -------------------------------------------------------------

    /**
     * Called by the container when the connection opens; runs {@link #onOpen()} on the loop.
     *
     * @param session the connection's session
     * @param config the endpoint's configuration
     */
    @OnOpen
    public final void aioOpened(Session session, EndpointConfig config) {
        this.session = session;
        this.loop = injectedLoop != null ? injectedLoop : CDI.current().select(EventLoop.class).get();
        this.connections = injectedConnections != null ? injectedConnections
                : CDI.current().select(WebSocketConnections.class).get();
        this.hooks = connections.newConnection();
        dispatch("onOpen", new Class<?>[0], this::onOpen);
    }

    /**
     * Called by the container for each whole text message; runs {@link #onMessage(String)} on the loop.
     *
     * @param text the message
     */
    @OnMessage
    public final void aioText(String text) {
        dispatch("onMessage", new Class<?>[] {String.class}, () -> onMessage(text));
    }

    /**
     * Called by the container for each whole binary message; runs {@link #onMessage(ByteBuffer)} on
     * the loop.
     *
     * @param data the message
     */
    @OnMessage
    public final void aioBinary(ByteBuffer data) {
        dispatch("onMessage", new Class<?>[] {ByteBuffer.class}, () -> onMessage(data));
    }

    /**
     * Called by the container when the connection closes; runs {@link #onClose(CloseReason)} on the loop.
     *
     * @param reason why it closed
     */
    @OnClose
    public final void aioClosed(CloseReason reason) {
        closed.complete(null); // the closing handshake is over: a close() waiting for it is done
        dispatch("onClose", new Class<?>[] {CloseReason.class}, () -> onClose(reason));
    }

    /**
     * Called by the container on a transport error; passes it to {@link #onError(Throwable)} on the loop.
     *
     * @param failure what went wrong
     */
    @OnError
    public final void aioFailed(Throwable failure) {
        WebSocketConnections.Queue queue = hooks;
        if (queue == null) {
            LOG.errorBeforeOpen(failure);
            return;
        }
        if (!queue.offer(() -> {
            deliverError(failure);
            return null;
        })) {
            overflow();
        }
    }

    // ---- hooks ---------------------------------------------------------------------------------

    /**
     * The connection is open. Runs on the event loop.
     *
     * @return a stage completing when the hook is done; the next hook waits for it
     */
    protected CompletionStage<?> onOpen() {
        return DONE;
    }

    /**
     * A whole text message arrived. Runs on the event loop.
     *
     * @param text the message
     * @return a stage completing when the message is handled; the next hook waits for it
     */
    protected CompletionStage<?> onMessage(String text) {
        return DONE;
    }

    /**
     * A whole binary message arrived. Runs on the event loop.
     *
     * @param data the message
     * @return a stage completing when the message is handled; the next hook waits for it
     */
    protected CompletionStage<?> onMessage(ByteBuffer data) {
        return DONE;
    }

    /**
     * The connection closed. Runs on the event loop, after every earlier hook.
     *
     * @param reason why it closed
     * @return a stage completing when the hook is done
     */
    protected CompletionStage<?> onClose(CloseReason reason) {
        return DONE;
    }

    /**
     * A hook failed, or the transport reported an error. Runs on the event loop. Logs by default: a
     * peer that went away (a {@link WebSocketClosedException}, an I/O error of the transport) as one
     * INFO line, since nothing is wrong with the application; anything else as an ERROR with its
     * stack trace.
     *
     * @param failure the hook's own exception, or the transport's
     */
    protected void onError(Throwable failure) {
        if (failure instanceof WebSocketClosedException || failure instanceof java.io.IOException) {
            LOG.peerWentAway(getClass().getName(), String.valueOf(failure.getMessage()));
            return;
        }
        LOG.hookFailed("hook", getClass().getName(), failure);
    }

    // ---- sending -------------------------------------------------------------------------------

    /**
     * Sends a text message.
     *
     * @param text the message
     * @return a stage completed once the message is written (its dependents run on the event
     *     loop), or failed with {@link WebSocketClosedException} when the connection is closed
     */
    public final CompletionStage<Void> send(String text) {
        if (text == null) {
            throw UsageMessages.MESSAGES.nullArgument("WebSocketConnection.send(text)");
        }
        return enqueueSend("text", (session, done) -> session.getAsyncRemote().sendText(text, done));
    }

    /**
     * Sends a binary message.
     *
     * @param data the message; its remaining bytes are sent
     * @return a stage completed once the message is written (its dependents run on the event
     *     loop), or failed with {@link WebSocketClosedException} when the connection is closed
     */
    public final CompletionStage<Void> send(ByteBuffer data) {
        if (data == null) {
            throw UsageMessages.MESSAGES.nullArgument("WebSocketConnection.send(data)");
        }
        return enqueueSend("binary", (session, done) -> session.getAsyncRemote().sendBinary(data, done));
    }

    /**
     * Closes the connection normally, after every message sent before this call has gone out.
     *
     * @return a stage completing once the close frame has been written (on containers that report
     *     it, Undertow among them; elsewhere once the container reports the connection closed), or
     *     at once when the connection is already closed; its dependents run on the event loop
     */
    public final CompletionStage<Void> close() {
        CompletableFuture<Void> done;
        synchronized (lock) {
            done = sends.handle((ignored, earlier) -> null).thenCompose(ignored -> startClose());
            sends = done;
        }
        EventLoop running = loop;
        return running == null ? done : running.adopt(done);
    }

    /** Once the sends before it are written: sends the close frame, from the loop. */
    private CompletableFuture<Void> startClose() {
        Session current = session;
        if (current == null || !current.isOpen()) {
            return DONE;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable closing = () -> connections.close(current, closed).whenComplete((ignored, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        });
        EventLoop running = loop;
        if (running == null || running.inEventLoop()) {
            closing.run();
        } else {
            running.execute(closing);
        }
        return done;
    }

    /**
     * Tells whether the connection is open.
     *
     * @return {@code true} while messages can be sent
     */
    public final boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen();
    }

    /**
     * The container's session, for what this class does not cover (path parameters, user
     * properties, the principal).
     *
     * @return the session; {@code null} before the connection opened
     */
    public final Session session() {
        return session;
    }

    // ---- internals -----------------------------------------------------------------------------

    /** Starts one container send; the callback must be called once with the outcome. */
    @FunctionalInterface
    private interface Sender {
        void start(Session session, jakarta.websocket.SendHandler done);
    }

    private CompletionStage<Void> enqueueSend(String kind, Sender sender) {
        CompletableFuture<Void> sent;
        synchronized (lock) {
            sent = sends.handle((ignored, earlier) -> null).thenCompose(ignored -> startSend(kind, sender));
            sends = sent;
        }
        CompletableFuture<Void> unwrapped = sent.handle((ignored, failure) -> {
            if (failure != null) {
                throw new CompletionException(unwrap(failure));
            }
            return null;
        });
        EventLoop running = loop;
        return running == null ? unwrapped : running.adopt(unwrapped);
    }

    private CompletableFuture<Void> startSend(String kind, Sender sender) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Session current = session;
        if (current == null || !current.isOpen()) {
            done.completeExceptionally(closed(kind, null));
            return done;
        }
        try {
            sender.start(current, (SendResult result) -> {
                if (result.isOK()) {
                    done.complete(null);
                } else if (!current.isOpen() || result.getException() instanceof ClosedChannelException
                        || result.getException() instanceof IOException) {
                    done.completeExceptionally(closed(kind, result.getException()));
                } else {
                    done.completeExceptionally(result.getException());
                }
            });
        } catch (IllegalStateException | IllegalArgumentException refused) {
            done.completeExceptionally(current.isOpen() ? refused : closed(kind, refused));
        }
        return done;
    }

    private WebSocketClosedException closed(String kind, Throwable cause) {
        Session current = session;
        String id = current == null ? "?" : current.getId();
        return LOG.closed(id, getClass().getName(), kind, cause);
    }

    private void dispatch(String hook, Class<?>[] parameters, Supplier<CompletionStage<?>> body) {
        if (!hooks.offer(() -> run(hook, parameters, body))) {
            overflow();
        }
    }

    /** Too many events wait for their hook: the client is told to come back later. */
    private void overflow() {
        Session current = session;
        LOG.tooManyPending((current == null ? "?" : current.getId()) + " of " + getClass().getName());
        if (current != null && current.isOpen()) {
            try {
                current.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(1013), "too many messages waiting"));
            } catch (IOException | RuntimeException closing) {
                LOG.debug("closing an overflowing WebSocket connection failed", closing);
            }
        }
    }

    private CompletionStage<Void> run(String hook, Class<?>[] parameters, Supplier<CompletionStage<?>> body) {
        CompletionStage<?> stage;
        try {
            stage = body.get();
        } catch (Throwable failure) {
            report(hook, parameters, failure);
            return DONE;
        }
        if (stage == null) {
            return DONE;
        }
        return stage.handle((ignored, failure) -> {
            if (failure != null) {
                report(hook, parameters, unwrap(failure));
            }
            return null;
        });
    }

    private void report(String hook, Class<?>[] parameters, Throwable failure) {
        if (failure instanceof WebSocketClosedException && ignoresClosed(hook, parameters)) {
            return;
        }
        deliverError(failure);
    }

    /** Passes a failure to {@link #onError(Throwable)}; a failure of onError itself is logged. */
    private void deliverError(Throwable failure) {
        try {
            onError(failure);
        } catch (RuntimeException inHandler) {
            inHandler.addSuppressed(failure);
            LOG.hookFailed("onError", getClass().getName(), inHandler);
        }
    }

    private boolean ignoresClosed(String hook, Class<?>[] parameters) {
        for (Class<?> type = getClass(); type != null && type != WebSocketConnection.class; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(IgnoreWebSocketClosed.class)) {
                return true;
            }
            try {
                Method declared = type.getDeclaredMethod(hook, parameters);
                return declared.isAnnotationPresent(IgnoreWebSocketClosed.class);
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
