package io.aiojakarta.embedded;

import io.aiojakarta.internal.ProblemDetails;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * The listener's entry handler: answers 503 (problem details, {@code Retry-After: 1}) while the
 * application is still deploying, then hands every request to the deployment. Thread-safe.
 */
final class SwitchableHandler implements HttpHandler {

    private volatile HttpHandler delegate;

    void delegateTo(HttpHandler deployed) {
        this.delegate = deployed;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler deployed = delegate;
        if (deployed != null) {
            deployed.handleRequest(exchange);
            return;
        }
        exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        exchange.getResponseSender().send(ProblemDetails.unavailable("starting"));
    }
}
