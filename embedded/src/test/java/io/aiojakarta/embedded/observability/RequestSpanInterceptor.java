package io.aiojakarta.embedded.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Starts the request's span on the request's own thread and makes it current around the call,
 * outside the mapper (a lower priority runs first), as tracing interceptors such as
 * {@code @WithSpan} do. The span carries the request's {@code id}, its first argument.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RequestSpanInterceptor {

    @AroundInvoke
    Object around(InvocationContext call) throws Exception {
        Span request = Tracing.tracer().spanBuilder("request")
                .setAttribute(Tracing.ID, String.valueOf(call.getParameters()[0])).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            return call.proceed();
        } finally {
            request.end();
        }
    }
}
