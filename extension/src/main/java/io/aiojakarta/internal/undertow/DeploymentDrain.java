package io.aiojakarta.internal.undertow;

import io.aiojakarta.internal.ProblemDetails;
import io.aiojakarta.internal.servlet.RequestDrain;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.LifecycleInterceptor;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;

/**
 * Feeds a deployment's {@link RequestDrain} on Undertow (embedded and inside WildFly, where
 * undeploying does not wait for in-flight requests): counts the requests from the outermost
 * handler, answers those that arrive during the drain 503 on the I/O thread, and starts the drain
 * when the first servlet or filter is destroyed. Thread-safe.
 */
final class DeploymentDrain implements HandlerWrapper, LifecycleInterceptor {

    private final RequestDrain drain;
    private final ExchangeCompletionListener finished;

    DeploymentDrain(RequestDrain drain) {
        this.drain = drain;
        this.finished = (exchange, next) -> {
            drain.end();
            next.proceed();
        };
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (!drain.begin()) {
                refuse(exchange, "shutting down");
                return;
            }
            exchange.addExchangeCompleteListener(finished);
            next.handleRequest(exchange);
        };
    }

    /**
     * Answers a request Aiojakarta cannot take now: 503 with {@code Retry-After: 1}, on the
     * calling (I/O) thread.
     *
     * @param exchange the refused request
     * @param reason the problem's detail
     */
    static void refuse(HttpServerExchange exchange, String reason) {
        exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        exchange.getResponseSender().send(ProblemDetails.unavailable(reason));
    }

    /**
     * For a request Undertow itself answers 503 (a dispatch the executor refused): the same
     * {@code Retry-After} and problem details body as {@link #refuse}, written when Undertow ends
     * the exchange without a body of its own.
     *
     * @param exchange the refused request
     * @param reason the problem's detail
     */
    static void refuseWhenUndertowAnswers(HttpServerExchange exchange, String reason) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        exchange.addDefaultResponseListener(refused -> {
            if (refused.isResponseStarted() || refused.getStatusCode() != StatusCodes.SERVICE_UNAVAILABLE) {
                return false;
            }
            refused.getResponseHeaders().put(Headers.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
            refused.getResponseSender().send(ProblemDetails.unavailable(reason));
            return true;
        });
    }

    @Override
    public void init(ServletInfo servletInfo, Servlet servlet, LifecycleContext context) throws ServletException {
        context.proceed();
    }

    @Override
    public void init(FilterInfo filterInfo, Filter filter, LifecycleContext context) throws ServletException {
        context.proceed();
    }

    @Override
    public void destroy(ServletInfo servletInfo, Servlet servlet, LifecycleContext context) throws ServletException {
        drain.drain();
        context.proceed();
    }

    @Override
    public void destroy(FilterInfo filterInfo, Filter filter, LifecycleContext context) throws ServletException {
        drain.drain();
        context.proceed();
    }
}
