package io.aiojakarta.internal.servlet;

import io.aiojakarta.EventLoop;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * The asynchronous context a request served on a greenlet hands to its chain when the chain starts
 * asynchronous processing (a Jakarta REST resource returning a stage). The server's own context was
 * started by {@link GreenletRequestFilter} on the server's thread, and a server may refuse
 * {@code addListener} and {@code setTimeout} once that thread has returned: this context keeps the
 * chain's listeners and timeout itself, and tells the listeners what the server's context reports
 * (completion, errors) and when the chain's timeout expires. Everything else goes to the server's
 * context.
 *
 * <p>{@code complete} and {@code dispatch} called before the chain has returned on its greenlet
 * (an answer written from the event loop or an executor thread while filters still unwind) reach
 * the server's context only once the chain has returned ({@link #chainReturned()}), as a server
 * defers them within its own dispatch: the server must not finish the request, and a server that
 * pools request objects (Open Liberty) must not hand it to another request, while code of the
 * chain may still read it.
 *
 * <p>Thread-safe: listeners and the timeout are set on the chain's greenlet; events arrive on the
 * server's threads; a timeout is counted on the event loop and reported on a new greenlet, since
 * listeners may write the response; complete and dispatch may be called on any thread.
 */
final class GreenletAsyncContext implements AsyncContext {


    private static final Runnable CHAIN_RUNNING = () -> { };
    private static final Runnable CHAIN_RETURNED = () -> { };

    private final AsyncContext server;
    private final ServletRequest request;
    private final EventLoop loop;
    private final Executor greenlets;
    private final List<Registered> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();
    /** {@link #CHAIN_RUNNING}, {@link #CHAIN_RETURNED}, or the completion or dispatch deferred until the chain returns. */
    private final AtomicReference<Runnable> ending = new AtomicReference<>(CHAIN_RUNNING);
    private volatile long timeoutMillis;
    private volatile ScheduledFuture<?> timer;

    /**
     * Wraps the server's context and starts listening to it; call within the dispatch that started it.
     *
     * @param server the context the server started
     * @param request the request as the chain sees it
     * @param loop counts the chain's timeout
     * @param greenlets report a timeout
     */
    GreenletAsyncContext(AsyncContext server, ServletRequest request, EventLoop loop, Executor greenlets) {
        this.server = server;
        this.request = request;
        this.loop = loop;
        this.greenlets = greenlets;
        server.addListener(new FanOut());
    }

    private record Registered(AsyncListener listener, ServletRequest request, ServletResponse response) {
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return server.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return false;
    }

    @Override
    public void dispatch() {
        stopTimer();
        end(server::dispatch);
    }

    @Override
    public void dispatch(String path) {
        stopTimer();
        end(() -> server.dispatch(path));
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        stopTimer();
        end(() -> server.dispatch(context, path));
    }

    @Override
    public void complete() {
        stopTimer();
        end(server::complete);
    }

    /**
     * Ends the server's context with {@code end} (its completion or a dispatch) now if the chain has
     * returned, or when it returns.
     *
     * @throws IllegalStateException if an earlier completion or dispatch is still waiting for the chain
     */
    private void end(Runnable end) {
        while (true) {
            Runnable state = ending.get();
            if (state == CHAIN_RETURNED) {
                end.run();
                return;
            }
            if (state != CHAIN_RUNNING) {
                throw LOG.asyncAlreadyEnding();
            }
            if (ending.compareAndSet(CHAIN_RUNNING, end)) {
                return;
            }
        }
    }

    /**
     * Called on the chain's greenlet once the chain that started asynchronous processing has
     * returned: runs the completion or dispatch called meanwhile, and from now on lets them through.
     */
    void chainReturned() {
        Runnable deferred = ending.getAndSet(CHAIN_RETURNED);
        if (deferred != CHAIN_RUNNING && deferred != CHAIN_RETURNED) {
            deferred.run();
        }
    }

    @Override
    public void start(Runnable run) {
        server.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        listeners.add(new Registered(listener, request, server.getResponse()));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        listeners.add(new Registered(listener, servletRequest, servletResponse));
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return server.createListener(type);
    }

    /** Sets the chain's timeout, counted from now; zero or less means none. */
    @Override
    public void setTimeout(long timeout) {
        timeoutMillis = timeout;
        stopTimer();
        if (timeout > 0 && !completed.get()) {
            timer = loop.schedule(() -> greenlets.execute(this::timedOut), Duration.ofMillis(timeout));
        }
    }

    @Override
    public long getTimeout() {
        return timeoutMillis;
    }

    private void stopTimer() {
        ScheduledFuture<?> armed = timer;
        if (armed != null) {
            armed.cancel(false);
        }
    }

    /** As a server does at a timeout: tells the listeners; answers 500 when none of them ended the request. */
    private void timedOut() {
        if (completed.get()) {
            return;
        }
        tell(Event.TIMEOUT, null);
        if (!completed.get()) {
            ServletResponse response = server.getResponse();
            if (!response.isCommitted() && response instanceof HttpServletResponse http) {
                http.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
            try {
                end(server::complete);
            } catch (IllegalStateException alreadyDone) {
                LOG.debug("request completed while its timeout was reported", alreadyDone);
            }
        }
    }

    private enum Event { COMPLETE, ERROR, TIMEOUT }

    private void tell(Event event, Throwable failure) {
        for (Registered registered : listeners) {
            AsyncEvent asyncEvent = new AsyncEvent(this, registered.request(), registered.response(), failure);
            try {
                switch (event) {
                    case COMPLETE -> registered.listener().onComplete(asyncEvent);
                    case ERROR -> registered.listener().onError(asyncEvent);
                    case TIMEOUT -> registered.listener().onTimeout(asyncEvent);
                }
            } catch (IOException | RuntimeException listenerFailure) {
                LOG.asyncListenerFailed(registered.listener().getClass().getName(), String.valueOf(event), listenerFailure);
            }
        }
    }

    /** Passes the server's events on to the chain's listeners. */
    private final class FanOut implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            completed.set(true);
            stopTimer();
            tell(Event.COMPLETE, null);
        }

        @Override
        public void onError(AsyncEvent event) {
            tell(Event.ERROR, event.getThrowable());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the server's own timeout is off (zero); the chain's is counted here
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
