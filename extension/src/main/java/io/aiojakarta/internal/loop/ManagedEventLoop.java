package io.aiojakarta.internal.loop;

import io.aiojakarta.EventLoop;
import io.aiojakarta.internal.message.CapacityMessages;
import io.aiojakarta.internal.message.UsageMessages;
import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.context.ContextSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * The managed event loop: a fixed group of single-thread {@link Loop}s named {@code aio-loop-N}.
 *
 * <p><b>Which loop.</b> Work submitted on a loop thread stays on that loop; work whose context names
 * a home loop (the loop of a coroutine's body, see {@link ContextSnapshot#withHome}) goes there;
 * other work goes to the loops in turn. So a coroutine's body, its timers, its continuations and
 * its cancellation share one thread, also with {@code aiojakarta.event-loop.threads > 1}.
 *
 * <p><b>Context.</b> {@link #execute}, {@link #submit} and {@link #schedule} run their task with the
 * submitter's context. The stages it hands out ({@link #sleep}, {@link #submit}, {@link #adopt}) are
 * {@link ContextualStage}s: each continuation runs with the context of the code that registered it.
 *
 * <p><b>Lifecycle.</b> Loop threads start with their first task. {@link #shutdown(Duration)} refuses
 * new work from other threads, lets the queued tasks run, then drops what is left at the deadline
 * and reports it (AIOJ-0501); {@link #termination()} completes once every loop thread has ended.
 *
 * <p><b>Bound.</b> Each loop holds at most {@code aiojakarta.event-loop.max-queued} tasks and timers;
 * past it a submission fails at once with {@code RejectedExecutionException} (AIOJ-0405) and never
 * blocks the submitter. Thread-safe.
 */
public final class ManagedEventLoop implements EventLoop {

    /** The default bound on the tasks and timers of one loop. */
    public static final int DEFAULT_CAPACITY = 100_000;


    private final List<Loop> loops;
    private final ContextCapture contexts;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final LoopWatchdog watchdog;
    private final LongAdder rejections = new LongAdder();
    private final CompletableFuture<Void> terminated;

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
     * Creates the loop group with the default bound; no thread starts before the first task.
     *
     * @param threads the number of loop threads, at least 1
     * @param contexts captures the submitter's context for every task
     * @param blockedWarning a task running longer than this is reported once, with the loop
     *     thread's stack; zero disables the watchdog
     */
    public ManagedEventLoop(int threads, ContextCapture contexts, Duration blockedWarning) {
        this(threads, contexts, blockedWarning, DEFAULT_CAPACITY);
    }

    /**
     * Creates the loop group; no thread starts before the first task.
     *
     * @param threads the number of loop threads, at least 1
     * @param contexts captures the submitter's context for every task
     * @param blockedWarning a task running longer than this is reported once, with the loop
     *     thread's stack; zero disables the watchdog
     * @param capacity the bound on the tasks and timers of each loop, at least 1
     */
    public ManagedEventLoop(int threads, ContextCapture contexts, Duration blockedWarning, int capacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("event-loop threads must be >= 1, got " + threads);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("event-loop capacity must be >= 1, got " + capacity);
        }
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        List<Loop> created = new ArrayList<>(threads);
        for (int i = 1; i <= threads; i++) {
            created.add(new Loop("aio-loop-" + i, this, capacity, rejections));
        }
        this.loops = List.copyOf(created);
        this.terminated = CompletableFuture.allOf(loops.stream()
                .map(loop -> loop.termination().toCompletableFuture()).toArray(CompletableFuture[]::new));
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
     * How many tasks and timers wait on the loops now.
     *
     * @return the tasks queued and timers armed on all loops
     */
    public int queued() {
        int queued = 0;
        for (Loop loop : loops) {
            queued += loop.pending();
        }
        return queued;
    }

    /**
     * How many submissions the loops' bound refused.
     *
     * @return the refusals so far
     */
    public long rejections() {
        return rejections.sum();
    }

    @Override
    public boolean inEventLoop() {
        Loop current = Loop.current();
        return current != null && current.group == this;
    }

    /**
     * Tells whether the given thread is one of this loop's threads.
     *
     * @param thread the thread
     * @return {@code true} for a loop thread
     */
    public boolean isLoopThread(Thread thread) {
        return thread instanceof Loop.LoopThread loopThread && loopThread.loop.group == this;
    }

    /**
     * Captures the calling thread's context, as every task and continuation of this loop does.
     *
     * @return the snapshot
     */
    public ContextSnapshot capture() {
        return contexts.capture();
    }

    /**
     * Picks the loop for new work of the calling code: the home loop of its context, the loop it
     * runs on, else the next loop in turn. An invocation calls this once and keeps the loop.
     *
     * @return the loop, as an executor that runs tasks as given (callers wrap them with a context)
     */
    public Executor assign() {
        return target(ContextSnapshot.current());
    }

    private Loop target(ContextSnapshot context) {
        if (context != null && context.home() instanceof Loop home && home.group == this) {
            return home;
        }
        Loop current = Loop.current();
        if (current != null && current.group == this) {
            return current;
        }
        return loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
    }

    /**
     * The executor for continuations registered with the given context: runs a task inline when
     * the calling thread is the context's loop and carries that context (or none), else queues it
     * on that loop with the context applied.
     *
     * @param context the context the continuation was registered with
     * @return the executor
     */
    public Executor continuationExecutor(ContextSnapshot context) {
        return task -> {
            Loop target = target(context);
            if (Loop.current() == target) {
                ContextSnapshot current = ContextSnapshot.current();
                if (current == context) {
                    task.run();
                    return;
                }
                if (current == null) {
                    context.run(task);
                    return;
                }
            }
            target.execute(context.wrap(task));
        };
    }

    /**
     * A new incomplete stage whose continuations follow the code that registers them.
     *
     * @param <T> the value type
     * @return the stage
     */
    public <T> ContextualStage<T> newStage() {
        return new ContextualStage<>(this);
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw UsageMessages.MESSAGES.nullArgument("EventLoop.execute(task)");
        }
        execute(contexts.capture(), task);
    }

    /**
     * Runs the task with a context the caller has already captured, on the context's home loop (or
     * the calling loop, or the next loop in turn).
     *
     * @param context the submitter's context
     * @param task the task; must not block
     */
    public void execute(ContextSnapshot context, Runnable task) {
        target(context).execute(context.wrap(task));
    }

    @Override
    public <T> CompletionStage<T> submit(Callable<T> task) {
        if (task == null) {
            throw UsageMessages.MESSAGES.nullArgument("EventLoop.submit(task)");
        }
        ContextualStage<T> result = newStage();
        try {
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
        } catch (RejectedExecutionException refused) {
            result.completeExceptionally(refused); // full or stopped: the stage fails, the caller never waits
        }
        return result;
    }

    @Override
    public CompletionStage<Void> sleep(Duration delay) {
        if (delay == null) {
            throw UsageMessages.MESSAGES.nullArgument("EventLoop.sleep(delay)");
        }
        ContextualStage.Sleep result = new ContextualStage.Sleep(this);
        try {
            result.arm(target(ContextSnapshot.current()).schedule(result, delay.toNanos(),
                    () -> result.completeExceptionally(CapacityMessages.MESSAGES.shutDown("event loop"))));
        } catch (RejectedExecutionException refused) {
            result.completeExceptionally(refused);
        }
        return result;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        if (task == null || delay == null) {
            throw UsageMessages.MESSAGES.nullArgument("EventLoop.schedule(task, delay)");
        }
        ContextSnapshot context = contexts.capture();
        return target(context).schedule(context.wrap(task), delay.toNanos(), null);
    }

    @Override
    public <T> CompletionStage<T> adopt(CompletionStage<T> stage) {
        if (stage == null) {
            throw UsageMessages.MESSAGES.nullArgument("EventLoop.adopt(stage)");
        }
        if (stage instanceof ContextualStage<T> ours && ours.loop() == this) {
            return ours;
        }
        ContextualStage<T> adopted = newStage();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                adopted.complete(value);
            } else {
                adopted.completeExceptionally(Stages.unwrap(failure));
            }
        });
        adopted.onCancel(() -> {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException cannotCancel) {
                // a stage that cannot be viewed as a future cannot be cancelled either
            }
        });
        return adopted;
    }

    /**
     * Stops the loops: refuses new tasks from other threads, lets queued ones run for up to
     * {@code timeout}, then drops what is left and reports it. Idempotent.
     *
     * @param timeout how long queued tasks may still run
     * @return the number of tasks and timers dropped (never run)
     */
    public int shutdown(Duration timeout) {
        if (watchdog != null) {
            watchdog.stop();
        }
        for (Loop loop : loops) {
            loop.beginShutdown();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int dropped = 0;
        boolean interrupted = false;
        for (Loop loop : loops) {
            CompletableFuture<Integer> ended = loop.termination().toCompletableFuture();
            try {
                dropped += ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                loop.joinThread(1000); // its termination completes in the thread's own last steps
            } catch (TimeoutException stillRunning) {
                loop.abandon();
                dropped += awaitAbandoned(ended);
            } catch (InterruptedException e) {
                interrupted = true;
                loop.abandon();
                dropped += awaitAbandoned(ended);
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        if (dropped > 0) {
            LOG.loopStoppedWithTasks(dropped);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return dropped;
    }

    private static int awaitAbandoned(CompletableFuture<Integer> ended) {
        try {
            return ended.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException stuck) {
            if (stuck instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 0; // a task ignores its interrupt; the daemon thread is left to it
        }
    }

    /**
     * Tells whether every loop thread has stopped.
     *
     * @return {@code true} after a completed {@link #shutdown}
     */
    public boolean isTerminated() {
        return terminated.isDone();
    }

    /**
     * Completes once every loop thread has ended (or never started and was shut down).
     *
     * @return the termination stage
     */
    public CompletionStage<Void> termination() {
        return terminated.minimalCompletionStage();
    }
}
