package io.aiojakarta.internal.exec;

import io.aiojakarta.internal.message.CapacityMessages;
import io.aiojakarta.internal.message.UsageMessages;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Starts greenlets: virtual threads named {@code aio-greenlet-N}, at most
 * {@code aiojakarta.greenlets.max-concurrent} alive at once. Tasks run as given; callers wrap them
 * with the submitter's context. An exception escaping a task is logged, never lost. Thread-safe.
 */
public final class Greenlets implements Executor {

    /** Set while this thread is a greenlet: what it runs after its task. */
    private static final ThreadLocal<Running> CURRENT = new ThreadLocal<>();

    /**
     * A greenlet's own state: the tasks handed to {@link #runAfterCurrentTask} while its task ran,
     * created on first use. A thread made a greenlet by {@link #runHere} has no end of its own to
     * run them at ({@link #BORROWED}). Confined to its greenlet.
     */
    private static final class Running {

        final boolean runsTasksAfter;
        ArrayDeque<Runnable> after;
        Runnable publication;

        Running(boolean runsTasksAfter) {
            this.runsTasksAfter = runsTasksAfter;
        }

        Runnable nextAfter() {
            return after == null ? null : after.poll();
        }
    }

    /** The state of every thread made a greenlet by {@link #runHere}: it runs nothing after. */
    private static final Running BORROWED = new Running(false);

    private final int maxConcurrent;
    private final Semaphore permits;
    /** Makes every greenlet's virtual thread, numbered across all pools; thread-safe, built once. */
    private static final ThreadFactory GREENLET_THREADS = Thread.ofVirtual().name("aio-greenlet-", 1).factory();
    private final Set<Thread> alive = ConcurrentHashMap.newKeySet();
    private final LongAdder rejections = new LongAdder();
    private volatile boolean shutDown;

    /**
     * Creates the greenlet starter.
     *
     * @param maxConcurrent the bound on live greenlets, at least 1
     */
    public Greenlets(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("greenlets max-concurrent must be >= 1, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
    }

    /**
     * Tells whether the calling thread is a greenlet started by any {@code Greenlets}.
     *
     * @return {@code true} on a greenlet
     */
    public static boolean inGreenlet() {
        return CURRENT.get() != null;
    }

    /**
     * On a greenlet this pool started: queues the task to run on this same greenlet once its
     * current task has returned, instead of waking another thread for it. For container work that
     * its submitter hands off and never waits for (Undertow's queued completion of an asynchronous
     * request); a task its submitter waits for would never run.
     *
     * @param task the task
     * @return {@code false}, without queuing, when the calling thread is no greenlet started by
     *     {@link #execute}
     */
    public static boolean runAfterCurrentTask(Runnable task) {
        Running running = CURRENT.get();
        if (running == null || !running.runsTasksAfter) {
            return false;
        }
        if (running.after == null) {
            running.after = new ArrayDeque<>(2);
        }
        running.after.add(task);
        return true;
    }

    /**
     * On a greenlet this pool started: runs the step as the greenlet's very last, after it has
     * given back its place under the bound and left the pool's books. For the step that makes a
     * task's outcome visible (completes the stage its submitter waits for): whoever that wakes may
     * start the next greenlet at once and is never refused for a place still held by this one.
     * The step must not throw, wait or run tasks; a failure it throws anyway is logged.
     *
     * @param step the step
     * @return {@code false}, without keeping the step, when the calling thread is no greenlet
     *     started by {@link #execute} or has a last step already: the caller runs it itself
     */
    public static boolean publishAtEnd(Runnable step) {
        Running running = CURRENT.get();
        if (running == null || !running.runsTasksAfter || running.publication != null) {
            return false;
        }
        running.publication = step;
        return true;
    }

    /**
     * Starts the task on a new greenlet.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException when the bound is reached or after
     *     shutdown
     */
    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw UsageMessages.MESSAGES.nullArgument("greenlet task");
        }
        if (shutDown) {
            throw CapacityMessages.MESSAGES.shutDown("greenlet pool");
        }
        if (!permits.tryAcquire()) {
            rejections.increment();
            throw CapacityMessages.MESSAGES.greenletsExhausted(maxConcurrent);
        }
        try {
            GREENLET_THREADS.newThread(() -> run(task)).start();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /**
     * A task whose body may throw the checked exceptions of the code it runs.
     *
     * @param <E> the exception it throws
     */
    @FunctionalInterface
    public interface Body<E extends Exception> {

        /**
         * Runs the body.
         *
         * @throws E the body's own failure
         */
        void run() throws E;
    }

    /**
     * Makes the calling virtual thread one of these greenlets while the task runs, under the same
     * bound and shutdown as the greenlets this pool starts: for a server whose request threads are
     * virtual already, so that the request's own thread is its greenlet.
     *
     * @param task the task, run on the calling thread
     * @param <E> what the task throws
     * @return {@code false}, without running the task, when the bound is reached or after shutdown
     * @throws E the task's own exception
     * @throws IllegalStateException when the calling thread is not virtual
     */
    public <E extends Exception> boolean runHere(Body<E> task) throws E {
        Thread self = Thread.currentThread();
        if (!self.isVirtual()) {
            throw new IllegalStateException("thread '" + self.getName() + "' is not virtual and cannot be a greenlet");
        }
        if (shutDown || !permits.tryAcquire()) {
            rejections.increment();
            return false;
        }
        Running previous = CURRENT.get();
        alive.add(self);
        CURRENT.set(BORROWED);
        try {
            task.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            alive.remove(self);
            permits.release();
        }
        return true;
    }

    private void run(Runnable task) {
        Thread self = Thread.currentThread();
        alive.add(self);
        Running running = new Running(true);
        CURRENT.set(running);
        try {
            for (Runnable next = task; next != null; next = running.nextAfter()) {
                try {
                    next.run();
                } catch (Throwable failure) {
                    LOG.greenletTaskFailed(failure);
                }
            }
        } finally {
            CURRENT.remove();
            alive.remove(self);
            permits.release();
        }
        if (running.publication != null) {
            try {
                running.publication.run();
            } catch (Throwable failure) {
                LOG.greenletTaskFailed(failure);
            }
        }
    }

    /**
     * Refuses a request up front when the bound is reached, so that it is answered before it takes
     * a thread: counted as a rejection like a refused {@link #execute}.
     *
     * @return {@code true} when every permit is taken (or the pool is shut down) and the caller must refuse
     */
    public boolean refusesNow() {
        if (shutDown || permits.availablePermits() == 0) {
            rejections.increment();
            return true;
        }
        return false;
    }

    /**
     * Counts the greenlets refused so far.
     *
     * @return the number of refused greenlets
     */
    public long rejections() {
        return rejections.sum();
    }

    /**
     * Counts the greenlets alive now.
     *
     * @return the number of running greenlets
     */
    public int aliveCount() {
        return alive.size();
    }

    /**
     * Refuses new greenlets, waits up to {@code timeout} for live ones to end, then interrupts the
     * rest. Idempotent.
     *
     * @param timeout how long live greenlets may still run
     * @return the number of greenlets interrupted
     */
    public int shutdown(Duration timeout) {
        shutDown = true;
        boolean interrupted = false;
        try {
            if (permits.tryAcquire(maxConcurrent, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                permits.release(maxConcurrent);
                return 0;
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        int stopped = 0;
        for (Thread greenlet : alive) {
            greenlet.interrupt();
            stopped++;
        }
        if (stopped > 0) {
            LOG.greenletsInterrupted(stopped);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return stopped;
    }
}
