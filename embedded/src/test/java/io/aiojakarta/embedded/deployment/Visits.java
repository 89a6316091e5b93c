package io.aiojakarta.embedded.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** One application's count of visits and of the responses its filter saw. */
@ApplicationScoped
public class Visits {

    private final AtomicInteger visits = new AtomicInteger();
    private final AtomicInteger responses = new AtomicInteger();

    /** Counts a visit: {@code visits/responses so far}. */
    public String visit() {
        return visits.incrementAndGet() + "/" + responses.get();
    }

    void responded() {
        responses.incrementAndGet();
    }
}
