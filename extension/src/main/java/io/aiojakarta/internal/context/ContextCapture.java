package io.aiojakarta.internal.context;

import java.util.List;

/**
 * Captures the calling thread's context when a task is handed to another thread (the event loop,
 * the executor or a greenlet). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContextCapture {

    /**
     * A capture that only carries the thread context class loader, for code running without CDI.
     */
    ContextCapture CLASS_LOADER_ONLY = () -> new ContextSnapshot(Thread.currentThread().getContextClassLoader(), List.of());

    /**
     * Captures the calling thread's context.
     *
     * @return a snapshot to restore around a task on another thread
     */
    ContextSnapshot capture();
}
