package io.aiojakarta.interceptors.interrupts;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Executor bodies: one that ignores interrupts past its timeout, one that reports the flag it starts with. */
@ApplicationScoped
public class Spinner {

    /** Busy for 300 ms, deaf to interrupts: its timeout interrupts it, and it finishes anyway. */
    @AsyncView(value = Mapper.EXECUTOR, timeoutMillis = 50)
    public String spin() {
        long end = System.nanoTime() + 300_000_000L;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += System.nanoTime() & 1;
        }
        return "spun " + sum;
    }

    /** Reports whether the executor thread is interrupted when this body starts. */
    @AsyncView(Mapper.EXECUTOR)
    public boolean startsInterrupted() {
        return Thread.currentThread().isInterrupted();
    }
}
