package io.aiojakarta.internal.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The context of the thread that submitted a task, captured at submission and restored around the
 * task on the thread that runs it: the one type every hop (event loop, executor, greenlet) uses.
 *
 * <p>A snapshot is immutable and may be restored on several threads, one after another or at once;
 * each {@link #restore()} must be closed on the thread that opened it.
 *
 * @param classLoader the submitter's thread context class loader
 * @param parts the other captured contexts (request scope, Jakarta REST context data), restored in
 *     order and closed in reverse order
 */
public record ContextSnapshot(ClassLoader classLoader, List<Part> parts) {

    /**
     * One captured context, able to make itself current on a thread.
     */
    public interface Part {

        /**
         * Makes the captured context current on the calling thread.
         *
         * @return closes what this call opened, restoring the thread's previous state
         */
        Scope restore();
    }

    /**
     * A restored context, to be closed on the same thread. Closing never throws.
     */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        /** A scope with nothing to undo. */
        Scope NONE = () -> { };

        @Override
        void close();
    }

    /**
     * Creates a snapshot.
     *
     * @param classLoader the submitter's thread context class loader
     * @param parts the other captured contexts
     */
    public ContextSnapshot {
        parts = List.copyOf(parts);
    }

    /**
     * Makes the captured context current on the calling thread.
     *
     * @return a scope that restores the thread's previous context when closed
     */
    public Scope restore() {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        List<Scope> opened = new ArrayList<>(parts.size());
        try {
            for (Part part : parts) {
                opened.add(part.restore());
            }
        } catch (RuntimeException | Error e) {
            closeAll(opened, thread, previousLoader);
            throw e;
        }
        return () -> closeAll(opened, thread, previousLoader);
    }

    private static void closeAll(List<Scope> opened, Thread thread, ClassLoader previousLoader) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        thread.setContextClassLoader(previousLoader);
    }

    /**
     * Wraps a task so that it runs with this context.
     *
     * @param task the task
     * @return a task that restores this context, runs {@code task} and restores the thread's own
     */
    public Runnable wrap(Runnable task) {
        return () -> {
            try (Scope ignored = restore()) {
                task.run();
            }
        };
    }

    /**
     * Wraps a task so that it runs with this context.
     *
     * @param task the task
     * @param <T> its result type
     * @return a task that restores this context, calls {@code task} and restores the thread's own
     */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            try (Scope ignored = restore()) {
                return task.call();
            }
        };
    }
}
