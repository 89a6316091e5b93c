package io.aiojakarta.internal.context;

import java.util.List;

/**
 * Captures the calling thread's context when work is handed to another thread (the event loop,
 * the executor, a greenlet) or a continuation is registered on a stage. On a thread where a
 * snapshot is applied, a capture returns that snapshot ({@link ContextSnapshot#current()}).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContextCapture {

    /**
     * A capture that only carries the thread context class loader, for code running without CDI.
     */
    ContextCapture CLASS_LOADER_ONLY = () -> {
        ContextSnapshot current = ContextSnapshot.current();
        return current != null ? current : new ContextSnapshot(Thread.currentThread().getContextClassLoader(), List.of());
    };

    /**
     * Captures the calling thread's context.
     *
     * @return a snapshot to restore around a task on another thread
     */
    ContextSnapshot capture();
}
