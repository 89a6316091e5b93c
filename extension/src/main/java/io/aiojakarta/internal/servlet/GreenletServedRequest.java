package io.aiojakarta.internal.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import io.aiojakarta.internal.message.RuntimeLogger;

/**
 * A request that {@link GreenletRequestFilter} put in asynchronous mode to serve it on a greenlet,
 * as the rest of its chain sees it: not asynchronous until the chain starts asynchronous
 * processing itself (a Jakarta REST resource returning a stage), which then gets a
 * {@link GreenletAsyncContext} over the context already started, since the server allows only one
 * start per dispatch. Thread-safe: the chain runs on one greenlet; the flag is read there once the
 * chain returns.
 */
final class GreenletServedRequest extends HttpServletRequestWrapper {

    private volatile GreenletAsyncContext async;
    private volatile boolean startedInside;

    GreenletServedRequest(HttpServletRequest request) {
        super(request);
    }

    /** Hands over the asynchronous context the chain gets when it starts asynchronous processing. */
    void attach(GreenletAsyncContext started) {
        this.async = started;
    }

    /** Whether the chain started asynchronous processing, and so completes the request itself. */
    boolean asyncStartedInside() {
        return startedInside;
    }

    /**
     * On the chain's greenlet, once a chain that started asynchronous processing has returned: lets
     * the completion or dispatch it called meanwhile reach the server ({@link GreenletAsyncContext#chainReturned()}).
     */
    void chainReturned() {
        async.chainReturned();
    }

    @Override
    public AsyncContext startAsync() {
        startedInside = true;
        return async;
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        startedInside = true;
        return async;
    }

    @Override
    public boolean isAsyncStarted() {
        return startedInside && super.isAsyncStarted();
    }

    @Override
    public AsyncContext getAsyncContext() {
        if (!startedInside) {
            throw RuntimeLogger.LOG.notAsynchronous();
        }
        return async;
    }
}
