package io.aiojakarta.internal.dispatch;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code AsyncResponse} a {@code @Suspended} coroutine body receives in place of the real one: a
 * body's {@code resume} and {@code cancel} settle the invocation, so that its timeout, its client's
 * disconnect and the drain take part as for a coroutine returning a stage, and whoever settles first
 * answers. The real response is resumed on the caller's context ({@link Answers#resuming}). Timeouts
 * and callbacks of the Jakarta REST API itself pass through to the real response. Thread-safe.
 */
final class SuspendedResponse implements AsyncResponse {

    private final AsyncResponse real;
    private final Invocation invocation;

    SuspendedResponse(AsyncResponse real, Invocation invocation) {
        this.real = real;
        this.invocation = invocation;
    }

    /** A body's {@code cancel(...)}: the invocation settles, and the real response is cancelled the same way. */
    static final class CancelledByBody extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Consumer<AsyncResponse> cancel;

        CancelledByBody(Consumer<AsyncResponse> cancel) {
            super("the coroutine cancelled its response", null, false, false);
            this.cancel = cancel;
        }

        void apply(AsyncResponse response) {
            cancel.accept(response);
        }
    }

    @Override
    public boolean resume(Object response) {
        return invocation.settle(response, null);
    }

    @Override
    public boolean resume(Throwable response) {
        return invocation.settle(null, response);
    }

    @Override
    public boolean cancel() {
        return invocation.settle(null, new CancelledByBody(AsyncResponse::cancel));
    }

    @Override
    public boolean cancel(int retryAfter) {
        return invocation.settle(null, new CancelledByBody(response -> response.cancel(retryAfter)));
    }

    @Override
    public boolean cancel(Date retryAfter) {
        return invocation.settle(null, new CancelledByBody(response -> response.cancel(retryAfter)));
    }

    @Override
    public boolean isSuspended() {
        return !invocation.isSettled() && real.isSuspended();
    }

    @Override
    public boolean isCancelled() {
        return real.isCancelled();
    }

    @Override
    public boolean isDone() {
        return invocation.isSettled() || real.isDone();
    }

    @Override
    public boolean setTimeout(long time, TimeUnit unit) {
        return real.setTimeout(time, unit);
    }

    @Override
    public void setTimeoutHandler(TimeoutHandler handler) {
        real.setTimeoutHandler(handler);
    }

    @Override
    public Collection<Class<?>> register(Class<?> callback) {
        return real.register(callback);
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
        return real.register(callback, callbacks);
    }

    @Override
    public Collection<Class<?>> register(Object callback) {
        return real.register(callback);
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
        return real.register(callback, callbacks);
    }
}
