package io.aiojakarta.interceptors.shutdown;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** An application-scoped bean that a late body still uses; knows when CDI destroyed it. */
@ApplicationScoped
public class Ledger {

    static final AtomicBoolean DESTROYED = new AtomicBoolean();

    /** What a body sees when it records: whether this instance was destroyed already. */
    public String record() {
        return DESTROYED.get() ? "used after destroy" : "used while alive";
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.set(true);
    }
}
