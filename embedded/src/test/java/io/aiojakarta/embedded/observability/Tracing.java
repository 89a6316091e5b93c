package io.aiojakarta.embedded.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;

/** The test's OpenTelemetry SDK, as the resources and the interceptor reach it. */
final class Tracing {

    static final AttributeKey<String> ID = AttributeKey.stringKey("test.id");

    static volatile OpenTelemetrySdk sdk;

    private Tracing() {
    }

    static Tracer tracer() {
        return sdk.getTracer("aiojakarta-test");
    }

    /** Starts and ends a span named {@code name}, a child of whatever span is current here. */
    static void mark(String name, String id) {
        tracer().spanBuilder(name).setAttribute(ID, id).startSpan().end();
    }

    /** Marks under a span of its own made current, so that what the body registers meanwhile sees it. */
    static Span startInner(String id) {
        return tracer().spanBuilder("inner").setAttribute(ID, id).startSpan();
    }
}
