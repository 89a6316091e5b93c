package io.aiojakarta.embedded.interaction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** The request's caller id, set by {@link CallerFilter} on the request's own thread. */
@RequestScoped
public class Caller {

    static final AtomicInteger DESTROYED = new AtomicInteger();

    private String id;

    public String id() {
        return id;
    }

    void id(String id) {
        this.id = id;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
