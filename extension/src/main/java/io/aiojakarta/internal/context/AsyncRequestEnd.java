package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.resteasy.core.ResteasyContext;

/**
 * Ends the request scope of an asynchronously answered request when its response is complete:
 * the container's request listener does not destroy the request context once async processing has
 * started, so a servlet {@link AsyncListener} on the request does. Stateless and thread-safe;
 * {@link #register} finds the request through RESTEasy, {@link #listen} is given its context.
 */
final class AsyncRequestEnd {

    private static final boolean AVAILABLE =
            ClassPresence.visible("jakarta.servlet.AsyncListener", "org.jboss.resteasy.core.ResteasyContext");

    private AsyncRequestEnd() {
    }


    /**
     * When the calling thread serves a servlet request whose async processing has started, ends the
     * tracker's request when the response completes.
     *
     * @param tracker the request's tracker
     * @return {@code true} when the end was registered
     */
    static boolean register(RequestScopeTracker tracker) {
        if (!AVAILABLE) {
            return false;
        }
        HttpServletRequest request = ResteasyContext.getContextData(HttpServletRequest.class);
        if (request == null || !request.isAsyncStarted()) {
            return false;
        }
        listen(request.getAsyncContext(), tracker);
        return true;
    }

    /**
     * Ends the tracker's request when the response of an asynchronous context completes.
     *
     * @param async the request's asynchronous context, within the dispatch that started it
     * @param tracker the request's tracker
     */
    static void listen(AsyncContext async, RequestScopeTracker tracker) {
        async.addListener(new EndListener(tracker));
    }

    private record EndListener(RequestScopeTracker tracker) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            tracker.responseComplete();
        }

        @Override
        public void onError(AsyncEvent event) {
            tracker.responseComplete();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the container completes or dispatches next, and onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
