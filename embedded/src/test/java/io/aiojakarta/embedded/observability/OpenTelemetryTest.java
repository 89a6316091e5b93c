package io.aiojakarta.embedded.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.internal.OpenTelemetryMetrics;
import io.aiojakarta.internal.RuntimeMetric;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenTelemetry across hops, with the SDK and in-memory exporters: every mapper's body and what
 * runs after its wait are children of the request's span, for many requests at once; and the
 * runtime's figures are published as metrics.
 */
@Timeout(120)
class OpenTelemetryTest {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final InMemoryMetricReader METRICS = InMemoryMetricReader.create();
    private static final int CONCURRENT = 20;

    private static AioServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        GlobalOpenTelemetry.resetForTest();
        Tracing.sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(METRICS).build())
                .buildAndRegisterGlobal();
        server = AioServer.builder().application(ObservabilityApplication.class).port(0).start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
        Tracing.sdk.close();
        GlobalOpenTelemetry.resetForTest();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "greenlet", "executor", "either"})
    void spansInEveryMapperAreChildrenOfTheirRequestsSpan(String mapper) {
        List<String> ids = callConcurrently(mapper);
        Map<String, List<SpanData>> byId = spansById();
        for (String id : ids) {
            List<SpanData> spans = byId.get(id);
            assertNotNull(spans, "no span for " + id);
            SpanData request = only(spans, "request", id);
            for (String name : List.of("body", "after-wait")) {
                SpanData child = only(spans, name, id);
                assertEquals(request.getTraceId(), child.getTraceId(), name + " of " + id + " is in another trace");
                assertEquals(request.getSpanId(), child.getParentSpanId(),
                        name + " of " + id + " is not a child of its request's span");
            }
        }
    }

    @Test
    void aContinuationSeesTheSpanCurrentWhereItWasRegistered() {
        List<String> ids = callConcurrently("coroutine-inner");
        Map<String, List<SpanData>> byId = spansById();
        for (String id : ids) {
            List<SpanData> spans = byId.get(id);
            SpanData request = only(spans, "request", id);
            SpanData inner = only(spans, "inner", id);
            SpanData afterWait = only(spans, "after-wait", id);
            assertEquals(request.getSpanId(), inner.getParentSpanId(), "inner of " + id);
            assertEquals(inner.getSpanId(), afterWait.getParentSpanId(),
                    "the continuation of " + id + " was registered under its inner span");
        }
    }

    @Test
    void theRuntimesFiguresArePublishedAsMetrics() {
        HttpResponse<String> timedOut = http.get("traced/slow?id=slow");
        assertEquals(503, timedOut.statusCode());
        Map<String, MetricData> published = METRICS.collectAllMetrics().stream()
                .filter(metric -> metric.getInstrumentationScopeInfo().getName().equals(OpenTelemetryMetrics.SCOPE))
                .collect(Collectors.toMap(MetricData::getName, metric -> metric));
        for (RuntimeMetric metric : RuntimeMetric.ALL) {
            MetricData data = published.get(metric.name());
            assertNotNull(data, metric.name() + " is not published");
            assertEquals(metric.unit(), data.getUnit(), metric.name());
            LongPointData point = data.getLongGaugeData().getPoints().isEmpty()
                    ? data.getLongSumData().getPoints().iterator().next()
                    : data.getLongGaugeData().getPoints().iterator().next();
            assertNotNull(point.getAttributes().get(AttributeKey.stringKey(OpenTelemetryMetrics.RUNTIME_ATTRIBUTE)),
                    metric.name() + " names its runtime");
        }
        long timeouts = published.get("aiojakarta.timeouts").getLongSumData().getPoints().iterator().next().getValue();
        assertTrue(timeouts >= 1, "the timed-out request is counted: " + timeouts);
    }

    private static List<String> callConcurrently(String path) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String id = path + "-" + i;
            ids.add(id);
            calls.add(http.sendAsync(http.request("traced/" + path + "?id=" + id).GET().build()));
        }
        for (int i = 0; i < CONCURRENT; i++) {
            HttpResponse<String> response = calls.get(i).join();
            assertEquals(200, response.statusCode(), response::body);
            assertEquals(ids.get(i), response.body());
        }
        return ids;
    }

    private static Map<String, List<SpanData>> spansById() {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getAttributes().get(Tracing.ID) != null)
                .collect(Collectors.groupingBy(span -> span.getAttributes().get(Tracing.ID)));
    }

    private static SpanData only(List<SpanData> spans, String name, String id) {
        List<SpanData> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
        assertEquals(1, named.size(), "spans named " + name + " for " + id + ": " + named);
        return named.get(0);
    }
}
