package io.aiojakarta.embedded.isolation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** First created inside a mapped body, on the hop thread. */
@RequestScoped
public class HopScratch {

    static final AtomicInteger DESTROYED = new AtomicInteger();

    private String note;

    public String note() {
        return note;
    }

    public void note(String note) {
        this.note = note;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
