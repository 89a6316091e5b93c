package io.aiojakarta.internal.undertow;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.RejectedExecutionException;

/**
 * Finishes an exchange that ended on a greenlet on its connection's I/O thread. Undertow's own
 * last completion step makes the connection read the next request; begun on another thread, it
 * holds the connection busy while it re-arms reading through the selector, and the I/O thread,
 * woken by that very step, spins until it is done. A greenlet that blocks on one of the
 * selector's locks there is unmounted and leaves the I/O thread spinning until a carrier takes it
 * up again. Handed to the I/O thread, the step is a plain call there and nothing waits.
 *
 * <p>Stateless and thread-safe: one instance serves every exchange of a deployment.
 */
final class IoThreadCompletion implements ExchangeCompletionListener {

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener next) {
        if (exchange.isInIoThread()) {
            next.proceed();
            return;
        }
        try {
            exchange.getIoThread().execute(next::proceed);
        } catch (RejectedExecutionException stopping) {
            next.proceed(); // the I/O thread is exiting: finish here, as Undertow would
        }
    }
}
