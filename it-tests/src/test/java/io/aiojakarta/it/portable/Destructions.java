package io.aiojakarta.it.portable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the {@code @PreDestroy} calls of request-scoped beans, by bean and request id: read by the test over HTTP. */
final class Destructions {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private Destructions() {
    }

    static void record(String bean, String id) {
        COUNTS.computeIfAbsent(bean + ":" + id, ignored -> new AtomicInteger()).incrementAndGet();
    }

    static int count(String bean, String id) {
        AtomicInteger count = COUNTS.get(bean + ":" + id);
        return count == null ? 0 : count.get();
    }
}
