package io.aiojakarta.embedded.interaction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The request's caller id, set by {@link CallerFilter} on the request's own thread. */
@RequestScoped
public class Caller {

    static final AtomicInteger DESTROYED = new AtomicInteger();
    /** How often the caller of each id was destroyed. */
    static final Map<String, Integer> DESTROYED_BY_ID = new ConcurrentHashMap<>();

    private String id;
    private volatile boolean destroyed;

    public String id() {
        return id;
    }

    void id(String id) {
        this.id = id;
    }

    /** Whether this instance was destroyed already: a body still using it must never see {@code true}. */
    public boolean destroyed() {
        return destroyed;
    }

    @PreDestroy
    void destroy() {
        destroyed = true;
        DESTROYED.incrementAndGet();
        if (id != null) {
            DESTROYED_BY_ID.merge(id, 1, Integer::sum);
        }
    }
}
