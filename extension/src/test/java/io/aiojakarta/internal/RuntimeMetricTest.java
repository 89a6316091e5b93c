package io.aiojakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published metrics are declared once and documented in docs/operations.md as declared. */
class RuntimeMetricTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");

    /** Answers each getter with a number of its own, so that a reader tells which getter it reads. */
    private static final AioRuntimeMXBean NUMBERED = (AioRuntimeMXBean) Proxy.newProxyInstance(
            AioRuntimeMXBean.class.getClassLoader(), new Class<?>[] {AioRuntimeMXBean.class},
            (proxy, method, args) -> {
                long number = numberOf(method);
                return method.getReturnType() == int.class ? (Object) (int) number
                        : method.getReturnType() == boolean.class ? (Object) Boolean.FALSE : (Object) number;
            });

    private static long numberOf(Method method) {
        return Math.floorMod(method.getName().hashCode(), 1_000_000) + 1;
    }

    @Test
    void everyMetricIsDocumentedWithItsKindUnitMeaningAndJmxAttribute() throws IOException {
        List<String> rows = Files.readAllLines(OPERATIONS).stream().filter(line -> line.startsWith("| `aiojakarta.")).toList();
        assertEquals(RuntimeMetric.ALL.size(), rows.size(), "one row per metric in " + OPERATIONS);
        for (int i = 0; i < rows.size(); i++) {
            RuntimeMetric metric = RuntimeMetric.ALL.get(i);
            String[] cells = rows.get(i).substring(1, rows.get(i).length() - 1).split("\\|");
            assertEquals("`" + metric.name() + "`", cells[0].strip(), "row " + (i + 1));
            assertEquals(metric.kind().name().toLowerCase(Locale.ROOT), cells[1].strip(), metric.name());
            assertEquals(metric.unit(), cells[2].strip(), metric.name());
            assertEquals(metric.description(), cells[3].strip(), metric.name());
            String attribute = cells[4].strip().replace("`", "");
            long expected;
            try {
                expected = numberOf(AioRuntimeMXBean.class.getMethod("get" + attribute));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(metric.name() + ": the MBean has no attribute " + attribute, e);
            }
            assertEquals(expected, metric.value().applyAsLong(NUMBERED),
                    metric.name() + " must read the JMX attribute the documentation names, " + attribute);
        }
    }

    @Test
    void metricNamesAreUniqueAndNamespaced() {
        Set<String> names = new HashSet<>();
        for (RuntimeMetric metric : RuntimeMetric.ALL) {
            assertTrue(names.add(metric.name()), metric.name() + " declared twice");
            assertTrue(metric.name().startsWith("aiojakarta."), metric.name());
        }
    }
}
