package io.aiojakarta.it.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Set by {@link RequestIdFilter} on the request's own thread; read by the bodies on theirs. */
@RequestScoped
public class RequestId {

    static final AtomicInteger DESTROYED = new AtomicInteger();

    private String value;

    public String value() {
        return value;
    }

    public void value(String value) {
        this.value = value;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
