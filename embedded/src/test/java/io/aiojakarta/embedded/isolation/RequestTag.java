package io.aiojakarta.embedded.isolation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Filled by {@link TagFilter} on the request's own thread, read by the bodies on other threads. */
@RequestScoped
public class RequestTag {

    static final AtomicInteger DESTROYED = new AtomicInteger();

    private String id;

    public String id() {
        return id;
    }

    public void id(String id) {
        this.id = id;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
