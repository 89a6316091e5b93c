package io.aiojakarta.internal.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * The portable disconnect signal of one request served by {@link GreenletRequestFilter}: work
 * started while the request's chain runs registers what to do if the client goes away
 * ({@link DisconnectWatch}), and the server's {@link AsyncListener#onError} for the request runs it,
 * once. Whether and when a server reports a client that left an asynchronous request this way is
 * the server's own (see {@code docs/servers.md}). Thread-safe.
 */
final class AsyncDisconnects implements AsyncListener {

    private static final ThreadLocal<AsyncDisconnects> CURRENT = new ThreadLocal<>();

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean over = new AtomicBoolean();

    /**
     * Registers what to do if the client of the request whose chain runs on the calling thread goes away.
     *
     * @param onDisconnect what to do; must not block
     * @return {@code false} when no request served by the filter runs on this thread
     */
    static boolean watch(Runnable onDisconnect) {
        AsyncDisconnects current = CURRENT.get();
        if (current == null || current.over.get()) {
            return false;
        }
        current.hooks.add(onDisconnect);
        return true;
    }

    /** Makes this request's signal the calling thread's while its chain runs; {@link #leave()} undoes it. */
    void enter() {
        CURRENT.set(this);
    }

    /** Ends {@link #enter()}. */
    void leave() {
        CURRENT.remove();
    }

    @Override
    public void onError(AsyncEvent event) {
        if (over.compareAndSet(false, true)) {
            for (Runnable hook : hooks) {
                try {
                    hook.run();
                } catch (RuntimeException failure) {
                    LOG.disconnectHookFailed(failure);
                }
            }
            hooks.clear();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        over.set(true);
        hooks.clear();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the server's own timeout is off; Aiojakarta's deadlines cancel the work
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
