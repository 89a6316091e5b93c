package io.aiojakarta.internal.loop;

import io.aiojakarta.EventLoop;
import io.aiojakarta.internal.Messages;
import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.context.ContextSnapshot;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The managed event loop: a fixed group of single-thread loops named {@code aio-loop-N}. A task
 * submitted from a loop thread stays on that loop (so a coroutine's continuations never change
 * thread); a task submitted from elsewhere goes to the loops in turn.
 *
 * <p><b>States.</b> Threads start lazily with the first task; {@link #shutdown(Duration)} refuses
 * new tasks, lets queued ones finish for the given time, then interrupts the rest and reports how
 * many were dropped.
 *
 * <p>Every task runs with the context captured when it was submitted. An exception escaping a task
 * is logged, never lost. Thread-safe.
 */
public final class ManagedEventLoop implements EventLoop {

    private static final Logger LOG = System.getLogger(ManagedEventLoop.class.getName());

    private final List<Loop> loops;
    private final ContextCapture contexts;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final LoopWatchdog watchdog;

    /**
     * Creates the loop group without a stall watchdog; no thread starts before the first task.
     *
     * @param threads the number of loop threads, at least 1
     * @param contexts captures the submitter's context for every task
     */
    public ManagedEventLoop(int threads, ContextCapture contexts) {
        this(threads, contexts, Duration.ZERO);
    }

    /**
     * Creates the loop group; no thread starts before the first task.
     *
     * @param threads the number of loop threads, at least 1
     * @param contexts captures the submitter's context for every task
     * @param blockedWarning a task running longer than this is reported once, with the loop
     *     thread's stack; zero disables the watchdog
     */
    public ManagedEventLoop(int threads, ContextCapture contexts, Duration blockedWarning) {
        if (threads < 1) {
            throw new IllegalArgumentException("event-loop threads must be >= 1, got " + threads);
        }
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        List<Loop> created = new ArrayList<>(threads);
        for (int i = 1; i <= threads; i++) {
            created.add(new Loop("aio-loop-" + i));
        }
        this.loops = List.copyOf(created);
        this.watchdog = blockedWarning.isZero() || blockedWarning.isNegative() ? null : new LoopWatchdog(loops, blockedWarning);
    }

    /**
     * How many stalls the watchdog has reported.
     *
     * @return the number of loop tasks that ran past the warning threshold
     */
    public long stalls() {
        return watchdog == null ? 0 : watchdog.stalls();
    }

    /**
     * The loop lag: how late a probe task last started on the slowest loop thread.
     *
     * @return milliseconds; 0 when the watchdog is off
     */
    public long lagMillis() {
        return watchdog == null ? 0 : watchdog.lagMillis();
    }

    /**
     * How many tasks wait for a loop thread now.
     *
     * @return the tasks queued on all loops, timers included
     */
    public int queued() {
        int queued = 0;
        for (Loop loop : loops) {
            queued += loop.pool.getQueue().size();
        }
        return queued;
    }

    @Override
    public boolean inEventLoop() {
        return current() != null;
    }

    /**
     * Tells whether the given thread is one of this loop's threads.
     *
     * @param thread the thread
     * @return {@code true} for a loop thread
     */
    public boolean isLoopThread(Thread thread) {
        for (Loop loop : loops) {
            if (loop.thread == thread) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw Messages.nullArgument("EventLoop.execute(task)");
        }
        execute(contexts.capture(), task);
    }

    /**
     * Runs the task on the loop with a context the caller has already captured, so that one capture
     * can serve more than the hop.
     *
     * @param context the submitter's context
     * @param task the task; must not block
     */
    public void execute(ContextSnapshot context, Runnable task) {
        Runnable bound = context.wrap(task);
        Loop loop = target();
        loop.pool.execute(() -> loop.run(bound));
    }

    @Override
    public <T> CompletionStage<T> submit(Callable<T> task) {
        if (task == null) {
            throw Messages.nullArgument("EventLoop.submit(task)");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            if (result.isDone()) {
                return; // cancelled before it ran
            }
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public CompletionStage<Void> sleep(Duration delay) {
        if (delay == null) {
            throw Messages.nullArgument("EventLoop.sleep(delay)");
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = schedule(() -> result.complete(null), delay);
        result.whenComplete((ignored, failure) -> {
            if (result.isCancelled()) {
                timer.cancel(false);
            }
        });
        return result;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        if (task == null || delay == null) {
            throw Messages.nullArgument("EventLoop.schedule(task, delay)");
        }
        Runnable bound = contexts.capture().wrap(task);
        long nanos = Math.max(0, delay.toNanos());
        Loop loop = target();
        return loop.pool.schedule(() -> loop.run(bound), nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the loop: refuses new tasks, lets queued ones run for up to {@code timeout}, then
     * interrupts the loop threads and drops what is left. Idempotent.
     *
     * @param timeout how long queued tasks may still run
     * @return the number of tasks dropped (never run)
     */
    public int shutdown(Duration timeout) {
        if (watchdog != null) {
            watchdog.stop();
        }
        for (Loop loop : loops) {
            loop.pool.shutdown();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int dropped = 0;
        boolean interrupted = false;
        for (Loop loop : loops) {
            try {
                long left = deadline - System.nanoTime();
                if (!loop.pool.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    dropped += loop.pool.shutdownNow().size();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                dropped += loop.pool.shutdownNow().size();
            }
        }
        if (dropped > 0) {
            LOG.log(Level.WARNING, "AIOJ-0501 event loop stopped with {0} task(s) never run", dropped);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return dropped;
    }

    /**
     * Tells whether every loop thread has stopped.
     *
     * @return {@code true} after a completed {@link #shutdown}
     */
    public boolean isTerminated() {
        return loops.stream().allMatch(loop -> loop.pool.isTerminated());
    }

    private Loop current() {
        Thread thread = Thread.currentThread();
        for (Loop loop : loops) {
            if (loop.thread == thread) {
                return loop;
            }
        }
        return null;
    }

    private Loop target() {
        Loop current = current();
        if (current != null) {
            return current;
        }
        Loop loop = loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
        if (loop.pool.isShutdown()) {
            throw Messages.shutDown("event loop");
        }
        return loop;
    }

    /** One single-thread loop. */
    static final class Loop {

        final ScheduledThreadPoolExecutor pool;
        final String name;
        private volatile Thread thread;
        /** When the running task started ({@link System#nanoTime()}), or 0 when idle. */
        private volatile long taskStart;

        Loop(String name) {
            this.name = name;
            this.pool = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread created = new Thread(runnable, name);
                created.setDaemon(true);
                thread = created;
                return created;
            }, (rejected, executor) -> {
                throw Messages.shutDown("event loop");
            });
            pool.setRemoveOnCancelPolicy(true);
            pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }

        Thread thread() {
            return thread;
        }

        long taskStart() {
            return taskStart;
        }

        void run(Runnable task) {
            taskStart = Math.max(1, System.nanoTime());
            try {
                task.run();
            } catch (Throwable failure) {
                LOG.log(Level.ERROR, "AIOJ-0502 a task on the event loop failed; the loop goes on", failure);
                if (failure instanceof Error error && !(failure instanceof AssertionError)) {
                    throw error;
                }
            } finally {
                taskStart = 0;
            }
        }
    }
}
