package io.aiojakarta.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Publishes a runtime's figures ({@link RuntimeMetric#ALL}) as OpenTelemetry metrics, beside JMX,
 * where the application or the server has OpenTelemetry's API: through the application's
 * {@code OpenTelemetry} bean when CDI has one (MicroProfile Telemetry, as in WildFly), else
 * {@code GlobalOpenTelemetry} when the application has set it before the deployment started. Every value is read when the metrics are collected, from the
 * runtime itself. Each point carries the attribute {@code aiojakarta.runtime}, the runtime's JMX
 * name, so that several applications of one server stay apart. Without OpenTelemetry nothing is
 * published and no OpenTelemetry class is loaded. Thread-safe.
 */
public final class OpenTelemetryMetrics {

    private static final boolean PRESENT = ClassPresence.visible("io.opentelemetry.api.OpenTelemetry",
            "io.opentelemetry.api.metrics.Meter");

    /** The instrumentation scope the metrics are published under. */
    public static final String SCOPE = "io.aiojakarta";
    /** The attribute naming the runtime a point belongs to. */
    public static final String RUNTIME_ATTRIBUTE = "aiojakarta.runtime";

    private OpenTelemetryMetrics() {
    }

    /**
     * Publishes the figures, when OpenTelemetry is present.
     *
     * @param figures the runtime's figures
     * @param runtimeName the value of the {@code aiojakarta.runtime} attribute
     * @param beanManager looks the application's {@code OpenTelemetry} bean up
     * @return stops publishing (at the runtime's shutdown); empty without OpenTelemetry, or when it
     *     refused the instruments (logged)
     */
    static Optional<AutoCloseable> publish(AioRuntimeMXBean figures, String runtimeName, BeanManager beanManager) {
        if (!PRESENT) {
            return Optional.empty();
        }
        try {
            return Published.start(figures, runtimeName, beanManager);
        } catch (RuntimeException | LinkageError refused) {
            LOG.metricsFailed("registered", refused);
            return Optional.empty();
        }
    }

    /** The OpenTelemetry side, loaded only when its API is visible. */
    private static final class Published {

        static Optional<AutoCloseable> start(AioRuntimeMXBean figures, String runtimeName, BeanManager beanManager) {
            Optional<OpenTelemetry> openTelemetry = openTelemetry(beanManager);
            if (openTelemetry.isEmpty()) {
                LOG.debug("OpenTelemetry is present but neither an OpenTelemetry bean nor a global instance is set: "
                        + "the runtime's figures are published through JMX only");
                return Optional.empty();
            }
            Meter meter = openTelemetry.get().getMeter(SCOPE);
            Attributes attributes = Attributes.of(AttributeKey.stringKey(RUNTIME_ATTRIBUTE), runtimeName);
            List<AutoCloseable> instruments = new ArrayList<>();
            for (RuntimeMetric metric : RuntimeMetric.ALL) {
                instruments.add(switch (metric.kind()) {
                    case GAUGE -> meter.gaugeBuilder(metric.name()).ofLongs().setUnit(metric.unit())
                            .setDescription(metric.description())
                            .buildWithCallback(measurement -> measurement.record(metric.value().applyAsLong(figures), attributes));
                    case COUNTER -> meter.counterBuilder(metric.name()).setUnit(metric.unit())
                            .setDescription(metric.description())
                            .buildWithCallback(measurement -> measurement.record(metric.value().applyAsLong(figures), attributes));
                });
            }
            return Optional.of(() -> {
                for (AutoCloseable instrument : instruments) {
                    try {
                        instrument.close();
                    } catch (Exception notClosed) {
                        LOG.debug("an OpenTelemetry instrument could not be closed", notClosed);
                    }
                }
            });
        }

        /**
         * The application's {@code OpenTelemetry} bean, else the global instance once set. Never
         * {@code GlobalOpenTelemetry.get()} while unset: that would fix the global to a no-op and
         * make the application's own later {@code set} fail.
         */
        private static Optional<OpenTelemetry> openTelemetry(BeanManager beanManager) {
            if (beanManager != null) {
                Instance<OpenTelemetry> bean = beanManager.createInstance().select(OpenTelemetry.class);
                if (bean.isResolvable()) {
                    return Optional.of(bean.get());
                }
            }
            try {
                return GlobalOpenTelemetry.isSet() ? Optional.of(GlobalOpenTelemetry.get()) : Optional.empty();
            } catch (NoSuchMethodError olderApi) {
                return Optional.empty(); // an API before isSet(): the global cannot be asked safely
            }
        }
    }
}
