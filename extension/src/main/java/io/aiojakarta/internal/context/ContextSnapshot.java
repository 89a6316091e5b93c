package io.aiojakarta.internal.context;

import io.aiojakarta.internal.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The context of the code that handed work to another thread, captured once and applied around
 * that work on the thread that runs it: the one type every hop (event loop, executor, greenlet,
 * a continuation of a stage) uses.
 *
 * <p>Applied from the outside in: the server's own context (whatever its {@code ContextService}
 * propagates: naming, security identity), then the thread context class loader, then the other
 * parts in order (Jakarta REST context data, the request scope); undone in reverse order.
 *
 * <p><b>Identity.</b> While a snapshot is applied on a thread it is that thread's
 * {@link #current()} snapshot, and a capture there returns it: work a hop hands on carries the
 * same snapshot, so a loop can tell "the same context" by identity and run a continuation inline.
 *
 * <p><b>Home.</b> A snapshot may name the loop its continuations belong to ({@link #withHome}): the
 * loop an invocation's body runs on, so that its timers, continuations and cancellation stay on
 * that loop.
 *
 * <p>Immutable; may be applied on several threads, one after another or at once.
 */
public final class ContextSnapshot {

    private static final ThreadLocal<ContextSnapshot> CURRENT = new ThreadLocal<>();

    private final ClassLoader classLoader;
    private final List<Part> parts;
    private final Executor serverContext;
    private final Executor home;

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
     * @param parts the other captured contexts, restored in order and closed in reverse order
     * @param serverContext runs a task inline with the server context captured from the submitter;
     *     {@code null} outside an application server
     */
    public ContextSnapshot(ClassLoader classLoader, List<Part> parts, Executor serverContext) {
        this(classLoader, List.copyOf(parts), serverContext, null);
    }

    /**
     * Creates a snapshot whose outer contexts can only be applied around a task.
     *
     * @param classLoader the submitter's thread context class loader
     * @param parts the other captured contexts, restored in order and closed in reverse order
     * @param around each runs a task inline with a context captured from the submitter (the
     *     server's, a Jakarta REST implementation's request scope), the first outermost
     */
    public ContextSnapshot(ClassLoader classLoader, List<Part> parts, List<Executor> around) {
        this(classLoader, List.copyOf(parts), nest(around), null);
    }

    private static Executor nest(List<Executor> around) {
        Executor nested = null;
        for (int i = around.size() - 1; i >= 0; i--) {
            Executor outer = around.get(i);
            Executor inner = nested;
            nested = inner == null ? outer : task -> outer.execute(() -> inner.execute(task));
        }
        return nested;
    }

    /**
     * Creates a snapshot without server context.
     *
     * @param classLoader the submitter's thread context class loader
     * @param parts the other captured contexts
     */
    public ContextSnapshot(ClassLoader classLoader, List<Part> parts) {
        this(classLoader, parts, (Executor) null);
    }

    private ContextSnapshot(ClassLoader classLoader, List<Part> parts, Executor serverContext, Executor home) {
        this.classLoader = classLoader;
        this.parts = parts;
        this.serverContext = serverContext;
        this.home = home;
    }

    /**
     * The snapshot applied on the calling thread.
     *
     * @return the snapshot whose task the thread is running, or {@code null} when none is applied
     */
    public static ContextSnapshot current() {
        return CURRENT.get();
    }

    /**
     * The same context, whose continuations belong to the given loop.
     *
     * @param loop the loop; typically the one an invocation's body runs on
     * @return a new snapshot
     */
    public ContextSnapshot withHome(Executor loop) {
        return new ContextSnapshot(classLoader, parts, serverContext, loop);
    }

    /**
     * The captured part of the given type.
     *
     * @param type the part's class
     * @param <P> the part's type
     * @return the part, or {@code null} when this snapshot has none of that type
     */
    <P extends Part> P part(Class<P> type) {
        for (Part part : parts) {
            if (type.isInstance(part)) {
                return type.cast(part);
            }
        }
        return null;
    }

    /**
     * The same context (class loader, server context, home loop, other parts) with the part of the
     * given type replaced.
     *
     * @param type the class of the part to replace
     * @param replacement the new part, appended when there was none; {@code null} drops the old one
     * @return a new snapshot
     */
    ContextSnapshot replacing(Class<? extends Part> type, Part replacement) {
        List<Part> changed = new ArrayList<>(parts.size() + 1);
        boolean replaced = false;
        for (Part part : parts) {
            if (!type.isInstance(part)) {
                changed.add(part);
            } else if (!replaced) {
                replaced = true;
                if (replacement != null) {
                    changed.add(replacement);
                }
            }
        }
        if (!replaced && replacement != null) {
            changed.add(replacement);
        }
        return new ContextSnapshot(classLoader, List.copyOf(changed), serverContext, home);
    }

    /**
     * The loop this snapshot's continuations belong to.
     *
     * @return the loop, or {@code null} when any loop will do
     */
    public Executor home() {
        return home;
    }

    /**
     * Runs a task on the calling thread with this context applied, then restores the thread's own.
     * On a thread where this very snapshot is applied already, just runs the task.
     *
     * @param task the task
     * @param <T> its result type
     * @return the task's result
     * @throws Exception the task's own exception, unwrapped
     */
    public <T> T call(Callable<T> task) throws Exception {
        ContextSnapshot previous = CURRENT.get();
        if (previous == this) {
            return task.call();
        }
        return callWith(task, previous, this);
    }

    /**
     * Runs a whole request, moved off the thread the server gave it, with this context applied,
     * as if the calling thread were the request's own: unlike {@link #run}, the snapshot does not
     * become the thread's {@link #current()} one, so that hops the request makes later capture the
     * context they see then (including what the request adds on the way, such as Jakarta REST
     * context data).
     *
     * @param task the request's processing
     */
    public void runAsRequest(Runnable task) {
        try {
            callWith(() -> {
                task.run();
                return null;
            }, CURRENT.get(), CURRENT.get());
        } catch (Exception e) {
            throw Stages.sneakyThrow(e);
        }
    }

    private <T> T callWith(Callable<T> task, ContextSnapshot previous, ContextSnapshot current) throws Exception {
        if (serverContext == null) {
            return callApplied(task, previous, current);
        }
        Outcome<T> outcome = new Outcome<>();
        serverContext.execute(() -> {
            try {
                outcome.value = callApplied(task, previous, current);
            } catch (Throwable failure) {
                outcome.failure = failure;
            }
        });
        if (outcome.failure != null) {
            throw Stages.sneakyThrow(outcome.failure);
        }
        return outcome.value;
    }

    private <T> T callApplied(Callable<T> task, ContextSnapshot previous, ContextSnapshot current) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        Scope[] opened = new Scope[parts.size()];
        int count = 0;
        CURRENT.set(current);
        try {
            for (int i = 0; i < parts.size(); i++) { // indexed: no iterator per hop
                opened[count++] = parts.get(i).restore();
            }
            return task.call();
        } finally {
            for (int i = count - 1; i >= 0; i--) {
                opened[i].close();
            }
            CURRENT.set(previous); // set, not removed: a pooled thread keeps its entry for the next hop
            thread.setContextClassLoader(previousLoader);
        }
    }

    /**
     * Runs a task on the calling thread with this context applied.
     *
     * @param task the task
     */
    public void run(Runnable task) {
        try {
            call(() -> {
                task.run();
                return null;
            });
        } catch (Exception e) {
            throw Stages.sneakyThrow(e);
        }
    }

    /**
     * Wraps a task so that it runs with this context.
     *
     * @param task the task
     * @return a task that applies this context, runs {@code task} and restores the thread's own
     */
    public Runnable wrap(Runnable task) {
        return () -> run(task);
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
