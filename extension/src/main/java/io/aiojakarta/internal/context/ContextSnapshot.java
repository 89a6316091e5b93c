package io.aiojakarta.internal.context;

import io.aiojakarta.internal.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The context of the thread that submitted a task, captured at submission and applied around the
 * task on the thread that runs it: the one type every hop (event loop, executor, greenlet) uses.
 *
 * <p>Applied from the outside in: the server's own context (whatever its {@code ContextService}
 * propagates: naming, security identity), then the thread context class loader, then the other
 * parts in order (Jakarta REST context data, the request scope); undone in reverse order.
 *
 * <p>A snapshot is immutable and may be applied on several threads, one after another or at once.
 *
 * @param classLoader the submitter's thread context class loader
 * @param parts the other captured contexts, restored in order and closed in reverse order
 * @param serverContext runs a task inline with the server context captured from the submitter;
 *     empty outside an application server
 */
public record ContextSnapshot(ClassLoader classLoader, List<Part> parts, Optional<Executor> serverContext) {

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
     * @param serverContext the server's captured context, if any
     */
    public ContextSnapshot {
        parts = List.copyOf(parts);
    }

    /**
     * Creates a snapshot without server context.
     *
     * @param classLoader the submitter's thread context class loader
     * @param parts the other captured contexts
     */
    public ContextSnapshot(ClassLoader classLoader, List<Part> parts) {
        this(classLoader, parts, Optional.empty());
    }

    /**
     * Tells whether this snapshot carries at least as many contexts as another one.
     *
     * @param other another snapshot
     * @return {@code true} when this one has as many parts and a server context if the other has one
     */
    public boolean carriesAsMuchAs(ContextSnapshot other) {
        return parts.size() >= other.parts.size() && (serverContext.isPresent() || other.serverContext.isEmpty());
    }

    /**
     * Runs a task on the calling thread with this context applied, then restores the thread's own.
     *
     * @param task the task
     * @param <T> its result type
     * @return the task's result
     * @throws Exception the task's own exception, unwrapped
     */
    public <T> T call(Callable<T> task) throws Exception {
        if (serverContext.isEmpty()) {
            return callRestored(task);
        }
        Outcome<T> outcome = new Outcome<>();
        serverContext.get().execute(() -> {
            try {
                outcome.value = callRestored(task);
            } catch (Throwable failure) {
                outcome.failure = failure;
            }
        });
        if (outcome.failure != null) {
            throw Stages.sneakyThrow(outcome.failure);
        }
        return outcome.value;
    }

    private <T> T callRestored(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        List<Scope> opened = new ArrayList<>(parts.size());
        try {
            for (Part part : parts) {
                opened.add(part.restore());
            }
            return task.call();
        } finally {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
            thread.setContextClassLoader(previousLoader);
        }
    }

    /**
     * Wraps a task so that it runs with this context.
     *
     * @param task the task
     * @return a task that applies this context, runs {@code task} and restores the thread's own
     */
    public Runnable wrap(Runnable task) {
        return () -> {
            try {
                call(() -> {
                    task.run();
                    return null;
                });
            } catch (Exception e) {
                throw Stages.sneakyThrow(e);
            }
        };
    }

    /**
     * Wraps a task so that it runs with this context.
     *
     * @param task the task
     * @param <T> its result type
     * @return a task that applies this context, calls {@code task} and restores the thread's own
     */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> call(task);
    }

    /** The outcome of a task run through the server's context executor. */
    private static final class Outcome<T> {
        private T value;
        private Throwable failure;
    }
}
